/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * A second reviewer's correction of one authored training/evaluation line (eval/data/audit/*.jsonl): which line, the start of its text (so a correction that no longer points at its message is caught), the corrected labels and kind, and the reason under the label policy.
 */
export interface LabelCorrectionV1 {
  /**
   * Source file name in eval/data/raw, e.g. "en-a-01.jsonl".
   */
  file: string;
  /**
   * 1-based line number in that file.
   */
  line: number;
  /**
   * The first characters of the message's text, exactly.
   */
  text_start: string;
  /**
   * The corrected labels; empty for no violation.
   */
  labels: ('fraud' | 'drugs' | 'terrorism')[];
  /**
   * "violation" exactly when labels is non-empty.
   */
  kind: 'violation' | 'hard_negative' | 'negative';
  /**
   * Why, under the label policy (which rule, and what in the text).
   */
  reason: string;
}
