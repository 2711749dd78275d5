/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * This interface was referenced by `EvalReportV1`'s JSON-Schema
 * via the `definition` "evalProportion".
 */
export type EvalProportion = number;

/**
 * What `tgrisk eval --json` prints: one model's quality on a labelled set (eval-example.v1 lines). Numbers are rounded to 4 decimals and the bootstrap is seeded, so the same input and model give the same bytes.
 */
export interface EvalReportV1 {
  schema: 'eval-report.v1';
  labels: EvalLabelTable;
  /**
   * Mean of the three labels' F1.
   */
  macro_f1: number;
  /**
   * F1 of the true/false positive and false negative counts pooled over labels.
   */
  micro_f1: number;
  /**
   * The same metrics per language (`lang` of the input lines; `unknown` when absent), keys sorted.
   */
  by_lang: {
    [k: string]: EvalSetMetrics;
  };
  /**
   * Reliability of each label's score as a probability: ten equal-width score bins.
   */
  calibration: {
    fraud: EvalCalibration;
    drugs: EvalCalibration;
    terrorism: EvalCalibration;
  };
  /**
   * Percentile bootstrap intervals (Efron & Tibshirani 1993) at `bootstrap.level`, resampling examples.
   */
  f1_interval: {
    fraud: EvalInterval;
    drugs: EvalInterval;
    terrorism: EvalInterval;
    macro: EvalInterval;
    micro: EvalInterval;
  };
  /**
   * The evaluated model as name@version.
   */
  model: string;
  /**
   * Examples evaluated (valid lines).
   */
  examples: number;
  bootstrap: EvalBootstrap;
  input: EvalInput;
}
/**
 * This interface was referenced by `EvalReportV1`'s JSON-Schema
 * via the `definition` "evalLabelTable".
 */
export interface EvalLabelTable {
  fraud: EvalLabelMetrics;
  drugs: EvalLabelMetrics;
  terrorism: EvalLabelMetrics;
}
/**
 * This interface was referenced by `EvalReportV1`'s JSON-Schema
 * via the `definition` "evalLabelMetrics".
 */
export interface EvalLabelMetrics {
  /**
   * 0 when nothing was flagged.
   */
  precision: number;
  /**
   * 0 when there are no positives.
   */
  recall: number;
  f1: EvalProportion;
  /**
   * Examples whose gold labels include it.
   */
  support: number;
  /**
   * Average precision over the score ranking (area under the PR step curve); 0 without positives.
   */
  pr_auc: number;
  confusion: {
    tp: number;
    fp: number;
    fn: number;
    tn: number;
  };
}
/**
 * This interface was referenced by `EvalReportV1`'s JSON-Schema
 * via the `definition` "evalSetMetrics".
 */
export interface EvalSetMetrics {
  labels: EvalLabelTable;
  macro_f1: EvalProportion;
  micro_f1: EvalProportion;
  examples: number;
}
/**
 * This interface was referenced by `EvalReportV1`'s JSON-Schema
 * via the `definition` "evalCalibration".
 */
export interface EvalCalibration {
  /**
   * Expected calibration error: sum over bins of (count / n) * |mean score - observed rate| (Naeini et al. 2015).
   */
  ece: number;
  /**
   * @maxItems 100
   */
  bins: {
    low: EvalProportion;
    high: EvalProportion;
    count: number;
    /**
     * 0 for an empty bin.
     */
    mean_score: number;
    /**
     * Share of the bin's examples with the label; 0 for an empty bin.
     */
    observed_rate: number;
  }[];
}
/**
 * This interface was referenced by `EvalReportV1`'s JSON-Schema
 * via the `definition` "evalInterval".
 */
export interface EvalInterval {
  low: EvalProportion;
  high: EvalProportion;
}
/**
 * The resampling behind every interval and p-value: same values, same numbers.
 *
 * This interface was referenced by `EvalReportV1`'s JSON-Schema
 * via the `definition` "evalBootstrap".
 */
export interface EvalBootstrap {
  replicates: number;
  seed: number;
  level: number;
}
/**
 * The labelled set as read.
 *
 * This interface was referenced by `EvalReportV1`'s JSON-Schema
 * via the `definition` "evalInput".
 */
export interface EvalInput {
  /**
   * Path as given.
   */
  file: string;
  /**
   * Of the file's bytes.
   */
  sha256: string;
  /**
   * Non-blank lines in the file.
   */
  lines: number;
  /**
   * Lines skipped with --skip-bad (not JSON, not UTF-8 or not eval-example.v1).
   */
  bad_lines: number;
}
