/**
 * Helpers for checking a published figure such as "68% of 9,600 channels violate the policy": which
 * true rates are consistent with it once the classifier's measured errors are accounted for, and how
 * many channels a reviewer must hand-label to pin the rate down to a given margin.
 */
import { EstimateInputError, requireLevel, requireProbability } from './errors.ts';
import { langReiczigelInterval, type TruePrevalenceInterval } from './lang-reiczigel.ts';
import { zForLevel } from './normal-distribution.ts';
import type { BinomialCount } from './types.ts';

/** A claimed apparent rate over a population, and the audit counts behind Se and Sp. */
export interface Claim {
  /** The share the classifier called violating, e.g. 0.68. */
  claimedRate: number;
  /** Channels the claim is about, e.g. 9600. */
  populationSize: number;
  sensitivity: BinomialCount;
  specificity: BinomialCount;
}

/**
 * The interval of true rates consistent with a claimed apparent rate: Lang–Reiczigel with the claim
 * as the apparent count claimedRate × N out of N. This treats the N channels as a sample from the
 * process that produces channels; a claimed rate that was rounded (68% may be 67.5–68.5%) adds
 * rounding error this does not see, so check both ends of the rounding range if it matters.
 */
export function trueRateForClaim(claim: Claim, options: { level?: number } = {}): TruePrevalenceInterval {
  requireProbability('claimedRate', claim.claimedRate);
  return langReiczigelInterval(
    {
      apparent: { successes: claim.claimedRate * claim.populationSize, trials: claim.populationSize },
      sensitivity: claim.sensitivity,
      specificity: claim.specificity,
    },
    options,
  );
}

/** Inputs of the review sample size: margin m, expected rate p (0.5 is the safe worst case), N. */
export interface SampleSizeInput {
  /** Half-width of the interval wanted, e.g. 0.03 for ±3 percentage points. */
  margin: number;
  /** The rate expected; 0.5 (default) maximises p(1 − p) and so never under-sizes. */
  expectedRate?: number;
  /** Confidence level, default 0.95. */
  level?: number;
  /** Population size N for the finite-population correction; omit for an unbounded population. */
  populationSize?: number;
}

/**
 * Channels to review to estimate a rate within ±margin: n₀ = z²p(1 − p)/m², and for a finite N,
 * n = n₀/(1 + (n₀ − 1)/N) (Cochran 1977, Sampling Techniques, 3rd ed., ch. 4), rounded up.
 */
export function reviewSampleSize(input: SampleSizeInput): { unbounded: number; sampleSize: number } {
  const level = input.level ?? 0.95;
  const p = input.expectedRate ?? 0.5;
  requireLevel(level);
  requireProbability('expectedRate', p);
  if (!(input.margin > 0 && input.margin < 1)) {
    throw new EstimateInputError(`margin must be between 0 and 1 (0.03 for ±3 points), got ${input.margin}`, {
      input: 'margin',
    });
  }
  const N = input.populationSize;
  if (N !== undefined && !(Number.isInteger(N) && N >= 1)) {
    throw new EstimateInputError(`populationSize must be a whole number >= 1, got ${N}`, {
      input: 'populationSize',
    });
  }
  const z = zForLevel(level);
  const unbounded = (z * z * p * (1 - p)) / (input.margin * input.margin);
  const corrected = N === undefined ? unbounded : unbounded / (1 + (unbounded - 1) / N);
  // Round up, but not past a value that is whole up to floating-point noise.
  const sampleSize = Math.max(1, Math.ceil(corrected - 1e-9));
  return { unbounded, sampleSize: N === undefined ? sampleSize : Math.min(N, sampleSize) };
}
