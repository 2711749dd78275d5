/**
 * Design-based estimate of the share of violating channels from a stratified random sample: the
 * population of N channels is split into strata by model score, n_h channels are drawn without
 * replacement from the N_h of stratum h and reviewed by hand, and y_h of them are violating.
 * Cochran (1977), Sampling Techniques, 3rd ed., ch. 5 (stratified random sampling, proportions):
 *
 *   p̂_st = Σ W_h p_h,  W_h = N_h/N,  p_h = y_h/n_h,
 *   v(p̂_st) = Σ W_h² (1 − n_h/N_h) p_h(1 − p_h)/(n_h − 1),
 *
 * with the normal interval p̂_st ± z√v clipped to [0, 1]. The estimand is the finite-population share
 * (a census stratum, n_h = N_h, contributes no variance). Weakness: a stratum with y_h = 0 or
 * y_h = n_h has p_h(1 − p_h) = 0 and contributes no variance however small n_h is, so sparse strata
 * make the interval too narrow; `degenerateStrata: 'wilson_centre'` puts the Wilson centre
 * p̃_h = (y_h + z²/2)/(n_h + z²) into those strata's variance term instead (a guard, not from Cochran).
 */
import { EstimateInputError, requireLevel } from './errors.ts';
import { zForLevel } from './normal-distribution.ts';
import type { IntervalEstimate } from './types.ts';

/** One stratum: its population size N_h, sample size n_h and violating channels y_h in the sample. */
export interface Stratum {
  name?: string;
  populationSize: number;
  sampleSize: number;
  positives: number;
}

/** What a stratum contributes to the estimate. */
export interface StratumContribution {
  name: string;
  weight: number;
  rate: number;
  variance: number;
  /** y_h is 0 or n_h, so the plug-in variance of this stratum is zero. */
  degenerate: boolean;
}

/** The stratified estimate, its standard error and the normal interval. */
export interface StratifiedEstimate extends IntervalEstimate {
  method: 'stratified_normal';
  standardError: number;
  populationSize: number;
  strata: StratumContribution[];
}

/** Options: `level` (default 0.95) and how 0/n and n/n strata enter the variance (default 'plug_in'). */
export interface StratifiedOptions {
  level?: number;
  degenerateStrata?: 'plug_in' | 'wilson_centre';
}

function validateStratum(stratum: Stratum, name: string): void {
  const { populationSize: N, sampleSize: n, positives: y } = stratum;
  const fail = (message: string) => {
    throw new EstimateInputError(`stratum ${name}: ${message}`, { input: 'strata', stratum: name });
  };
  if (!(Number.isInteger(N) && N >= 1)) fail(`populationSize must be a whole number >= 1, got ${N}`);
  if (!(Number.isInteger(n) && n >= 1 && n <= N))
    fail(`sampleSize must be a whole number in 1..${N}, got ${n}`);
  if (!(Number.isInteger(y) && y >= 0 && y <= n))
    fail(`positives must be a whole number in 0..${n}, got ${y}`);
  if (n === 1 && N > 1) {
    fail('a sample of 1 gives no variance estimate; sample at least 2 channels or merge it with a neighbour');
  }
}

/** Stratified estimate Σ W_h p_h with Cochran's variance and a normal interval clipped to [0, 1]. */
export function stratifiedEstimate(
  strata: readonly Stratum[],
  options: StratifiedOptions = {},
): StratifiedEstimate {
  const level = options.level ?? 0.95;
  requireLevel(level);
  if (strata.length === 0)
    throw new EstimateInputError('at least one stratum is needed', { input: 'strata' });
  strata.forEach((s, i) => validateStratum(s, s.name ?? String(i)));
  const z = zForLevel(level);
  const populationSize = strata.reduce((sum, s) => sum + s.populationSize, 0);
  let estimate = 0;
  let variance = 0;
  const contributions = strata.map((s, i): StratumContribution => {
    const weight = s.populationSize / populationSize;
    const rate = s.positives / s.sampleSize;
    const degenerate = s.positives === 0 || s.positives === s.sampleSize;
    const p =
      degenerate && options.degenerateStrata === 'wilson_centre'
        ? (s.positives + (z * z) / 2) / (s.sampleSize + z * z)
        : rate;
    const census = s.sampleSize === s.populationSize;
    const v = census
      ? 0
      : weight * weight * (1 - s.sampleSize / s.populationSize) * ((p * (1 - p)) / (s.sampleSize - 1));
    estimate += weight * rate;
    variance += v;
    return { name: s.name ?? String(i), weight, rate, variance: v, degenerate };
  });
  const standardError = Math.sqrt(variance);
  return {
    estimate,
    lower: Math.max(0, estimate - z * standardError),
    upper: Math.min(1, estimate + z * standardError),
    level,
    method: 'stratified_normal',
    standardError,
    populationSize,
    strata: contributions,
  };
}
