/**
 * Confidence intervals for a binomial proportion x/n, as in Newcombe (1998), "Two-sided confidence
 * intervals for the single proportion: comparison of seven methods", Stat Med 17:857–872:
 * method 3 (Wilson score), method 4 (Wilson score with continuity correction) and method 5
 * (Clopper–Pearson "exact"). At x = 0 the lower limit is exactly 0 and at x = n the upper limit is
 * exactly 1, as in Newcombe's Table I.
 */
import { EstimateInputError, requireLevel, requireWholeNumber } from './errors.ts';
import { inverseRegularizedIncompleteBeta } from './incomplete-beta.ts';
import { zForLevel } from './normal-distribution.ts';
import type { ProportionInterval } from './types.ts';

/** Options shared by the interval functions; `level` defaults to 0.95. */
export interface IntervalOptions {
  level?: number;
}

function validateCount(x: number, n: number): void {
  requireWholeNumber('n', n, 1);
  requireWholeNumber('x', x, 0);
  if (x > n) throw new EstimateInputError(`x must be <= n, got x=${x}, n=${n}`, { input: 'x' });
}

/**
 * Wilson score limits for a proportion p observed on an effective sample of size n (which need not
 * be whole: the finite-population correction passes n/(1 − f)). Wilson (1927), JASA 22:209–212;
 * Newcombe (1998) eq. for method 3: (2np + z² ± z√(z² + 4np(1 − p))) / (2(n + z²)).
 */
export function wilsonLimits(p: number, n: number, z: number): { lower: number; upper: number } {
  if (n === Infinity) return { lower: p, upper: p };
  const centre = 2 * n * p + z * z;
  const half = z * Math.sqrt(z * z + 4 * n * p * (1 - p));
  const denominator = 2 * (n + z * z);
  return {
    lower: p === 0 ? 0 : Math.max(0, (centre - half) / denominator),
    upper: p === 1 ? 1 : Math.min(1, (centre + half) / denominator),
  };
}

/** Wilson score interval for x successes in n trials (Newcombe 1998, method 3). */
export function wilsonInterval(x: number, n: number, options: IntervalOptions = {}): ProportionInterval {
  const level = options.level ?? 0.95;
  validateCount(x, n);
  const { lower, upper } = wilsonLimits(x / n, n, zForLevel(level));
  return { estimate: x / n, lower, upper, level, method: 'wilson' };
}

/**
 * Wilson score interval with continuity correction (Newcombe 1998, method 4):
 * L = (2np + z² − 1 − z√(z² − 2 − 1/n + 4p(nq + 1))) / (2(n + z²)),
 * U = (2np + z² + 1 + z√(z² + 2 − 1/n + 4p(nq − 1))) / (2(n + z²)), with L = 0 at p = 0, U = 1 at p = 1.
 */
export function wilsonCorrectedInterval(
  x: number,
  n: number,
  options: IntervalOptions = {},
): ProportionInterval {
  const level = options.level ?? 0.95;
  validateCount(x, n);
  const z = zForLevel(level);
  const p = x / n;
  const q = 1 - p;
  const denominator = 2 * (n + z * z);
  const lower =
    x === 0
      ? 0
      : (2 * n * p + z * z - 1 - z * Math.sqrt(z * z - 2 - 1 / n + 4 * p * (n * q + 1))) / denominator;
  const upper =
    x === n
      ? 1
      : (2 * n * p + z * z + 1 + z * Math.sqrt(z * z + 2 - 1 / n + 4 * p * (n * q - 1))) / denominator;
  return {
    estimate: p,
    lower: Math.max(0, lower),
    upper: Math.min(1, upper),
    level,
    method: 'wilson_cc',
  };
}

/**
 * Clopper–Pearson interval (Clopper & Pearson 1934, Biometrika 26:404–413; Newcombe 1998 method 5):
 * the limits are beta quantiles, lower = B⁻¹(α/2; x, n − x + 1) and upper = B⁻¹(1 − α/2; x + 1, n − x),
 * with lower = 0 at x = 0 and upper = 1 at x = n.
 */
export function clopperPearsonInterval(
  x: number,
  n: number,
  options: IntervalOptions = {},
): ProportionInterval {
  const level = options.level ?? 0.95;
  requireLevel(level);
  validateCount(x, n);
  const alpha = 1 - level;
  const lower = x === 0 ? 0 : inverseRegularizedIncompleteBeta(alpha / 2, x, n - x + 1);
  const upper = x === n ? 1 : inverseRegularizedIncompleteBeta(1 - alpha / 2, x + 1, n - x);
  return { estimate: x / n, lower, upper, level, method: 'clopper_pearson' };
}

/** The interval for x/n by the named method. */
export function proportionInterval(
  x: number,
  n: number,
  method: ProportionInterval['method'],
  options: IntervalOptions = {},
): ProportionInterval {
  switch (method) {
    case 'wilson':
      return wilsonInterval(x, n, options);
    case 'wilson_cc':
      return wilsonCorrectedInterval(x, n, options);
    case 'clopper_pearson':
      return clopperPearsonInterval(x, n, options);
  }
}
