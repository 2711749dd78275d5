/**
 * Finite-population correction for a proportion estimated from a simple random sample of n channels
 * drawn without replacement from a known population of N.
 *
 * Under such sampling Var(p̂) = (N − n)/(N − 1) · p(1 − p)/n (Cochran 1977, Sampling Techniques,
 * 3rd ed., ch. 3, the variance of a sample proportion), i.e. the binomial variance of a sample of effective size
 * n_eff = n · (N − 1)/(N − n). We plug n_eff into the Wilson score interval (the design-effect /
 * effective-sample-size approach of Kish 1965 and Korn & Graubard 1998, Survey Methodology
 * 24:193–201), rather than shrinking a Wald half-width: it keeps the interval inside [0, 1], equals
 * the plain Wilson interval as N → ∞, and has zero width at n = N (a census has no sampling error).
 */
import { EstimateInputError, requireWholeNumber } from './errors.ts';
import { wilsonLimits, type IntervalOptions } from './binomial-intervals.ts';
import { zForLevel } from './normal-distribution.ts';
import type { IntervalEstimate } from './types.ts';

/** The variance factor (N − n)/(N − 1) of sampling without replacement; 1 for an infinite population. */
export function finitePopulationFactor(n: number, populationSize: number): number {
  if (populationSize === Infinity) return 1;
  if (populationSize <= 1) return n >= populationSize ? 0 : 1;
  return Math.max(0, (populationSize - n) / (populationSize - 1));
}

/** n · (N − 1)/(N − n): the with-replacement sample size with the same variance (∞ for a census). */
export function effectiveSampleSize(n: number, populationSize: number): number {
  const factor = finitePopulationFactor(n, populationSize);
  return factor === 0 ? Infinity : n / factor;
}

/** Wilson interval for x of n sampled without replacement from a population of `populationSize`. */
export function wilsonIntervalFinitePopulation(
  x: number,
  n: number,
  populationSize: number,
  options: IntervalOptions = {},
): IntervalEstimate & { method: 'wilson_fpc'; effectiveSampleSize: number } {
  const level = options.level ?? 0.95;
  requireWholeNumber('n', n, 1);
  requireWholeNumber('x', x, 0);
  if (x > n) throw new EstimateInputError(`x must be <= n, got x=${x}, n=${n}`, { input: 'x' });
  if (populationSize !== Infinity) requireWholeNumber('populationSize', populationSize, 1);
  if (n > populationSize) {
    throw new EstimateInputError(
      `the sample (n=${n}) cannot be larger than the population (N=${populationSize}); ` +
        'check that N counts every channel the sample was drawn from',
      { input: 'populationSize' },
    );
  }
  const nEffective = effectiveSampleSize(n, populationSize);
  const { lower, upper } = wilsonLimits(x / n, nEffective, zForLevel(level));
  return { estimate: x / n, lower, upper, level, method: 'wilson_fpc', effectiveSampleSize: nEffective };
}
