/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * One labelled message of an evaluation or training set (the `tgrisk eval` input line).
 */
export interface EvalExampleV1 {
  text: string;
  /**
   * Gold labels under ../shared/label-policy.md; empty = no violation.
   */
  labels: ('fraud' | 'drugs' | 'terrorism')[];
  id?: string | number;
  /**
   * ISO 639-1 (or -3) language code.
   */
  lang?: string;
  channel_id?: string;
  /**
   * How the example was written: a violation, a look-alike that is not one, or ordinary text.
   */
  kind?: 'violation' | 'hard_negative' | 'negative';
  /**
   * Where the example came from (see eval/data/README.md).
   */
  source?: string;
}
