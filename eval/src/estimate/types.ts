/** Shapes shared by the estimators: a count of successes and an estimate with its interval. */

/** `successes` out of `trials`, e.g. 81 flagged channels out of 263 reviewed. */
export interface BinomialCount {
  successes: number;
  trials: number;
}

/** A point estimate with a two-sided confidence interval at `level` (0.95 for 95%). */
export interface IntervalEstimate {
  estimate: number;
  lower: number;
  upper: number;
  level: number;
}

/** The binomial interval methods, numbered as in Newcombe (1998). */
export type ProportionMethod =
  | 'wilson' // method 3: score interval
  | 'wilson_cc' // method 4: score interval with continuity correction
  | 'clopper_pearson'; // method 5: "exact" interval from binomial tail areas

/** A proportion's estimate x/n and its interval by `method`. */
export interface ProportionInterval extends IntervalEstimate {
  method: ProportionMethod;
}
