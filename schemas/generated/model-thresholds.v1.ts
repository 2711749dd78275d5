/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * thresholds.json of a tg-risk model directory: the decision threshold per label, the out-of-fold precision and recall it gives, and the review band [review_low, threshold) the review queue shows first. Written by `npm run train`; read by the classifier, the review service and `tgrisk estimate`.
 */
export interface ModelThresholdsV1 {
  /**
   * Name of the threshold set, e.g. "precision@0.90".
   */
  set: string;
  target_precision: number;
  /**
   * One-sided confidence of precision_lower_bound, when thresholds were chosen on a bound.
   */
  confidence?: number;
  labels: {
    fraud: LabelThreshold;
    drugs: LabelThreshold;
    terrorism: LabelThreshold;
  };
}
/**
 * This interface was referenced by `ModelThresholdsV1`'s JSON-Schema
 * via the `definition` "labelThreshold".
 */
export interface LabelThreshold {
  /**
   * A label is decided when its calibrated score is at least this.
   */
  threshold: number;
  /**
   * Out-of-fold precision at the threshold.
   */
  precision: number;
  /**
   * One-sided lower confidence bound of that precision.
   */
  precision_lower_bound?: number;
  /**
   * Out-of-fold recall at the threshold.
   */
  recall: number;
  /**
   * Scores in [review_low, threshold) form the review band.
   */
  review_low: number;
  /**
   * True when no threshold reached the target precision.
   */
  target_missed: boolean;
}
