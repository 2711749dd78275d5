/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * This interface was referenced by `EvalCompareV1`'s JSON-Schema
 * via the `definition` "compareProportion".
 */
export type CompareProportion = number;
/**
 * This interface was referenced by `EvalCompareV1`'s JSON-Schema
 * via the `definition` "compareDifference".
 */
export type CompareDifference = number;

/**
 * What `tgrisk eval FILE --compare DIR_A DIR_B --json` prints: two models on the same labelled set, with paired tests of whether they differ. Differences are B minus A. Numbers are rounded to 4 decimals and the bootstrap is seeded, so the same input and models give the same bytes.
 */
export interface EvalCompareV1 {
  schema: 'eval-compare.v1';
  model_a: CompareModel;
  model_b: CompareModel;
  examples: number;
  /**
   * Significance level of every verdict.
   */
  alpha: number;
  labels: {
    fraud: CompareLabel;
    drugs: CompareLabel;
    terrorism: CompareLabel;
  };
  macro_f1: CompareF1;
  micro_f1: CompareF1;
  /**
   * Share of examples whose whole label set is right, and McNemar's test on it.
   */
  exact_match: {
    accuracy_a: CompareProportion;
    accuracy_b: CompareProportion;
    mcnemar: CompareMcnemar;
    verdict: string;
  };
  /**
   * In plain words: whether macro-F1 differs at `alpha` by the paired bootstrap.
   */
  verdict: string;
  /**
   * Paired bootstrap: every replicate resamples example indices once and scores both models on them (Koehn 2004).
   */
  bootstrap: {
    replicates: number;
    seed: number;
    level: number;
  };
  /**
   * The labelled set as read (see eval-report.v1 `input`).
   */
  input: {
    file: string;
    sha256: string;
    lines: number;
    bad_lines: number;
  };
}
/**
 * This interface was referenced by `EvalCompareV1`'s JSON-Schema
 * via the `definition` "compareModel".
 */
export interface CompareModel {
  /**
   * Model directory as given.
   */
  dir: string;
  model: string;
}
/**
 * compareF1 of one label, plus McNemar's test on its per-example correctness (a TP or TN is right).
 *
 * This interface was referenced by `EvalCompareV1`'s JSON-Schema
 * via the `definition` "compareLabel".
 */
export interface CompareLabel {
  f1_a: CompareProportion;
  f1_b: CompareProportion;
  /**
   * f1_b - f1_a.
   */
  difference: number;
  interval: CompareInterval;
  p_value: CompareProportion;
  significant: boolean;
  mcnemar: CompareMcnemar;
  verdict: string;
}
/**
 * Paired percentile bootstrap interval of the difference at `bootstrap.level`.
 *
 * This interface was referenced by `EvalCompareV1`'s JSON-Schema
 * via the `definition` "compareInterval".
 */
export interface CompareInterval {
  low: CompareDifference;
  high: CompareDifference;
}
/**
 * McNemar's exact test: under H0 the discordant pairs are Binomial(b + c, 1/2); p = min(1, 2 P(X <= min(b, c))).
 *
 * This interface was referenced by `EvalCompareV1`'s JSON-Schema
 * via the `definition` "compareMcnemar".
 */
export interface CompareMcnemar {
  a_right_b_wrong: number;
  a_wrong_b_right: number;
  p_value: CompareProportion;
  /**
   * p_value < alpha.
   */
  significant: boolean;
}
/**
 * This interface was referenced by `EvalCompareV1`'s JSON-Schema
 * via the `definition` "compareF1".
 */
export interface CompareF1 {
  f1_a: CompareProportion;
  f1_b: CompareProportion;
  /**
   * f1_b - f1_a.
   */
  difference: number;
  interval: CompareInterval;
  /**
   * Two-sided paired bootstrap p-value: 2(1 + min(#diff <= 0, #diff >= 0)) / (R + 1), capped at 1.
   */
  p_value: number;
  /**
   * p_value < alpha.
   */
  significant: boolean;
  verdict: string;
}
