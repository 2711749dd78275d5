/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * One classified message of a `tgrisk estimate --input` file: what `tgrisk classify` writes (label.v1) plus the channel id. The channel's decision comes from `labels` when present, else from `scores` against the thresholds of `--thresholds`. Extra label.v1 fields (schema, thresholds, evidence, model, message_id) are accepted and ignored.
 */
export type EstimateInputV1 = (
  | {
      labels: unknown;
    }
  | {
      scores: unknown;
    }
) & {
  schema?: 'label.v1' | 'estimate-input.v1';
  /**
   * The channel the message belongs to (Telegram channel id or another stable key; the gold file must use the same).
   */
  channel_id: string;
  /**
   * Message id, unique within its channel.
   */
  id: string | number;
  /**
   * label.v1 message key; ignored.
   */
  message_id?: number;
  /**
   * Labels the classifier decided for the message (flagged).
   */
  labels?: ('fraud' | 'drugs' | 'terrorism')[];
  /**
   * Per-label model scores in [0, 1]; needed for the threshold sensitivity analysis, score strata and PR curves.
   */
  scores?: {
    fraud: number;
    drugs: number;
    terrorism: number;
  };
  /**
   * Labels a reviewer gave the message, when it was reviewed; measures the message-level false-positive rate f.
   */
  gold_labels?: ('fraud' | 'drugs' | 'terrorism')[];
  /**
   * label.v1 threshold set; ignored (decisions use `labels`).
   */
  thresholds?: {};
  /**
   * label.v1 evidence; ignored.
   */
  evidence?: unknown[];
  /**
   * Model name@version; ignored.
   */
  model?: string;
};
