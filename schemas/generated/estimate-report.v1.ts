/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estCorrected".
 */
export type EstCorrected =
  | {
      available: true;
      /**
       * Interval: Lang & Reiczigel (2014), as in R asht::prevSeSp; carries the uncertainty of Se and Sp.
       */
      method: 'lang_reiczigel';
      /**
       * Point: Rogan & Gladen (1978), (apparent + Sp - 1)/(Se + Sp - 1), clipped to [0, 1].
       */
      point_method: 'rogan_gladen';
      rate: number;
      lower: number;
      upper: number;
      /**
       * Gold channels in the input with a verdict for this target.
       */
      gold_channels: number;
      /**
       * Rule decision against the gold verdict.
       */
      confusion: {
        tp: number;
        fn: number;
        tn: number;
        fp: number;
      };
      sensitivity: EstProportion;
      specificity: EstProportion;
      warnings: string[];
    }
  | EstUnavailable;
/**
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estStratified".
 */
export type EstStratified =
  | {
      available: true;
      /**
       * Cochran (1977) ch. 5: sum of W_h p_h, variance sum of W_h^2 (1 - n_h/N_h) p_h(1 - p_h)/(n_h - 1), normal interval clipped to [0, 1].
       */
      method: 'stratified_normal';
      /**
       * strata_file: --strata; score_strata: input channels cut by highest message score, gold channels as the sample; decision_strata: the same, cut by the rule's decision.
       */
      source: 'strata_file' | 'score_strata' | 'decision_strata';
      rate: number;
      lower: number;
      upper: number;
      standard_error: number;
      population: number;
      strata: EstStratum[];
    }
  | EstUnavailable;
/**
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estFalseAlarm".
 */
export type EstFalseAlarm =
  | {
      available: true;
      f: number;
      /**
       * How f was measured (false positives / negatives, or the model metric used).
       */
      f_basis: string;
      /**
       * Items: P(a clean channel with this many messages is flagged): at least one flag, 1-(1-f)^n, and under the rule.
       */
      by_size: {
        messages: number;
        at_least_one: number;
        rule: number;
      }[];
      all: EstFalseAlarmGroup;
      large: EstFalseAlarmGroup;
      small: EstFalseAlarmGroup;
      /**
       * The rate used for (1 - rate): the corrected estimate, the stratified one, or 0 (every channel clean: an upper bound) when neither exists.
       */
      inflation_basis: 'corrected' | 'stratified' | 'all_clean';
      f_by_label: {
        fraud: number;
        drugs: number;
        terrorism: number;
      };
    }
  | EstUnavailable;

/**
 * The result of `tgrisk estimate`: the share of channels that violate the policy under an explicit channel rule, naive, corrected for the classifier's measured errors and design-based, with 95% intervals, a sensitivity analysis and an optional check of a published claim. Deterministic: same inputs give the same bytes (no timestamps); numbers rounded to 6 decimals.
 */
export interface EstimateReportV1 {
  schema: 'estimate-report.v1';
  /**
   * What the report was computed from, by content hash (paths are in the run manifest).
   */
  inputs: {
    messages: {
      source: 'file' | 'sqlite';
      sha256: string;
      hash_of: 'file' | 'store_rows';
      messages: number;
      channels: number;
      /**
       * labels: every line had decided labels; scores: every decision came from scores >= thresholds; mixed: both.
       */
      decided_by: 'labels' | 'scores' | 'mixed';
      /**
       * Lines with scores.
       */
      scored_messages: number;
      /**
       * Lines with message-level gold_labels.
       */
      gold_labelled_messages: number;
    };
    gold: {
      sha256: string;
      channels: number;
      /**
       * Gold channels that are in the input (the others are ignored).
       */
      in_input: number;
      with_labels: number;
    } | null;
    thresholds: {
      sha256: string;
      set: string;
      fraud: number;
      drugs: number;
      terrorism: number;
    } | null;
    strata: {
      sha256: string;
      strata: number;
    } | null;
    metrics: {
      sha256: string;
      model: string | null;
    } | null;
  };
  options: {
    rule:
      | {
          kind: 'min_flagged';
          k: number;
        }
      | {
          kind: 'min_share';
          p: number;
        };
    /**
     * The rule in words, to restate next to any figure taken from this report.
     */
    rule_text: string;
    /**
     * The headline target (--label): used by the summary, the claim check and the charts.
     */
    target: 'any' | 'fraud' | 'drugs' | 'terrorism';
    level: number;
    population: number | null;
    claim: number | null;
    margin: number;
    seed: number;
  };
  /**
   * Messages per channel.
   */
  channel_sizes: {
    channels: number;
    messages: number;
    min: number;
    p25: number;
    median: number;
    p75: number;
    p90: number;
    max: number;
    mean: number;
  };
  /**
   * Per label, and 'any' (a channel violating at least one label).
   */
  targets: {
    any: EstTarget;
    fraud: EstTarget;
    drugs: EstTarget;
    terrorism: EstTarget;
  };
  sensitivity: {
    /**
     * Rule 'at least k flagged messages', k = 1..5.
     */
    by_k: {
      k: number;
      rates: EstRuleRates;
    }[];
    /**
     * Rule 'at least a share p flagged'.
     */
    by_share: {
      p: number;
      rates: EstRuleRates;
    }[];
    /**
     * The chosen rule with messages flagged at other score thresholds (needs scores).
     */
    by_threshold:
      | {
          name: string;
          thresholds: {
            fraud: number;
            drugs: number;
            terrorism: number;
          };
          rates: EstRuleRates;
        }[]
      | EstUnavailable;
    /**
     * The chance a clean channel is flagged by chance, 1-(1-f)^n for 'at least one flag', and how much that inflates the rate: (1 - rate) x mean chance, in percentage points.
     */
    false_alarm: {
      /**
       * Where the message-level false-positive rate f came from.
       */
      source: 'gold_messages' | 'model_test_metrics' | 'none';
      targets: {
        any: EstFalseAlarm;
        fraud: EstFalseAlarm;
        drugs: EstFalseAlarm;
        terrorism: EstFalseAlarm;
      };
    };
  };
  claim: {
    claimed_rate: number;
    population: number;
    target: 'any' | 'fraud' | 'drugs' | 'terrorism';
    /**
     * True rates consistent with the claim read as the classifier's apparent rate, given the measured Se and Sp.
     */
    consistent_true_rates:
      | {
          method: 'lang_reiczigel';
          lower: number;
          upper: number;
          warnings: string[];
        }
      | EstUnavailable;
    our_estimate: {
      method: 'lang_reiczigel' | 'stratified_normal' | 'wilson';
      rate: number;
      lower: number;
      upper: number;
    } | null;
    claim_inside_our_interval: boolean | null;
    /**
     * Channels to review at random to estimate the rate within +-margin at 95% (Cochran 1977, with the finite-population correction for the population).
     */
    review_sample_size: {
      margin: number;
      at_claimed_rate: number;
      worst_case: number;
    };
    to_distinguish: {
      difference: number;
      sample_size: number;
    } | null;
  } | null;
  model_quality: {
    /**
     * Where these come from (metrics.json test split).
     */
    source: string;
    labels: {
      fraud: {
        threshold: number | null;
        precision: number;
        recall: number;
        false_positive_rate: number;
        reliability: EstReliabilityBin[];
      };
      drugs: {
        threshold: number | null;
        precision: number;
        recall: number;
        false_positive_rate: number;
        reliability: EstReliabilityBin[];
      };
      terrorism: {
        threshold: number | null;
        precision: number;
        recall: number;
        false_positive_rate: number;
        reliability: EstReliabilityBin[];
      };
    };
  } | null;
  pr_curves: {
    channel: {
      any: EstPrPoint[];
      fraud: EstPrPoint[];
      drugs: EstPrPoint[];
      terrorism: EstPrPoint[];
    } | null;
    message: {
      fraud: EstPrPoint[];
      drugs: EstPrPoint[];
      terrorism: EstPrPoint[];
    } | null;
  };
  /**
   * Assumptions and caveats of this run.
   */
  notes: string[];
}
/**
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estTarget".
 */
export interface EstTarget {
  /**
   * Channels estimated.
   */
  channels: number;
  /**
   * Channels the rule calls violating.
   */
  flagged: number;
  /**
   * The share of channels the rule flags, taken at face value.
   */
  naive: {
    rate: number;
    wilson: EstBounds;
    wilson_cc: EstBounds;
    clopper_pearson: EstBounds;
    finite_population: {
      lower: number;
      upper: number;
      population: number;
      /**
       * n(N-1)/(N-n); null for a census.
       */
      effective_sample_size: number | null;
    } | null;
    projected_channels: {
      estimate: number;
      lower: number;
      upper: number;
    } | null;
  };
  corrected: EstCorrected;
  stratified: EstStratified;
}
/**
 * Two-sided 95% interval.
 *
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estBounds".
 */
export interface EstBounds {
  lower: number;
  upper: number;
}
/**
 * successes/trials with its Wilson 95% interval.
 *
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estProportion".
 */
export interface EstProportion {
  estimate: number;
  successes: number;
  trials: number;
  lower: number;
  upper: number;
}
/**
 * Why an estimate could not be made, and what would make it possible.
 *
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estUnavailable".
 */
export interface EstUnavailable {
  available: false;
  reason: string;
}
/**
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estStratum".
 */
export interface EstStratum {
  name: string;
  score_min: number | null;
  score_max: number | null;
  population: number;
  sample: number;
  positives: number;
  weight: number;
  rate: number;
}
/**
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estRuleRates".
 */
export interface EstRuleRates {
  any: EstRuleRate;
  fraud: EstRuleRate;
  drugs: EstRuleRate;
  terrorism: EstRuleRate;
}
/**
 * The rate under one variant of the rule or thresholds.
 *
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estRuleRate".
 */
export interface EstRuleRate {
  /**
   * Channels the rule calls violating.
   */
  flagged: number;
  naive: number;
  corrected: {
    rate: number;
    lower: number;
    upper: number;
    sensitivity: number;
    specificity: number;
  } | null;
}
/**
 * Channels of a size group: their expected chance of a false alarm if clean, the observed 'at least one flag' rate, and the inflation.
 *
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estFalseAlarmGroup".
 */
export interface EstFalseAlarmGroup {
  channels: number;
  min_messages: number;
  max_messages: number;
  expected_false_alarm_at_least_one: number;
  expected_false_alarm_rule: number;
  observed_rate_at_least_one: number;
  /**
   * (1 - rate) x expected_false_alarm_at_least_one: what falsely flagged clean channels add to the naive rate under 'one flagged message' (rate units; x100 for percentage points).
   */
  inflation_at_least_one: number;
  /**
   * The same under the chosen rule.
   */
  inflation_rule: number;
}
/**
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estReliabilityBin".
 */
export interface EstReliabilityBin {
  low: number;
  high: number;
  count: number;
  mean_score: number;
  observed_rate: number;
}
/**
 * This interface was referenced by `EstimateReportV1`'s JSON-Schema
 * via the `definition` "estPrPoint".
 */
export interface EstPrPoint {
  threshold: number;
  precision: number;
  recall: number;
}
