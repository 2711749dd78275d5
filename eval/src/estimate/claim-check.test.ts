import { describe, expect, it } from 'vitest';
import { reviewSampleSize, trueRateForClaim } from './claim-check.ts';
import { EstimateInputError } from './errors.ts';

describe('trueRateForClaim', () => {
  it('"68% of 9,600" with Se 90/100 and Sp 95/100: Lang–Reiczigel on 6528/9600', () => {
    // Reference: mpmath (40-digit) transcription of asht::prevSeSp(0.68, 9600, 0.9, 100, 0.95, 100).
    const ci = trueRateForClaim({
      claimedRate: 0.68,
      populationSize: 9600,
      sensitivity: { successes: 90, trials: 100 },
      specificity: { successes: 95, trials: 100 },
    });
    expect(ci.estimate).toBeCloseTo(0.63 / 0.85, 12);
    expect(ci.lower).toBeCloseTo(0.692931497511848, 12);
    expect(ci.upper).toBeCloseTo(0.80639797246094, 12);
  });

  it('refuses a claim given in percent', () => {
    expect(() =>
      trueRateForClaim({
        claimedRate: 68,
        populationSize: 9600,
        sensitivity: { successes: 90, trials: 100 },
        specificity: { successes: 95, trials: 100 },
      }),
    ).toThrow(/claimedRate must be a proportion in \[0, 1\], got 68/);
  });
});

describe('reviewSampleSize', () => {
  it('±5 points at 95% with p = 0.5 is the textbook 385 (n₀ = 384.146)', () => {
    const size = reviewSampleSize({ margin: 0.05 });
    expect(size.unbounded).toBeCloseTo(384.1458820694126, 10);
    expect(size.sampleSize).toBe(385);
  });

  it('the finite-population correction for N = 9600 gives 370 (n = 369.403)', () => {
    expect(reviewSampleSize({ margin: 0.05, populationSize: 9600 }).sampleSize).toBe(370);
  });

  it('p = 0.68, ±2 points, N = 9600: n₀ = 2089.75, n = 1716.32 → 1717', () => {
    const size = reviewSampleSize({ margin: 0.02, expectedRate: 0.68, populationSize: 9600 });
    expect(size.unbounded).toBeCloseTo(2089.7535984576043, 9);
    expect(size.sampleSize).toBe(1717);
  });

  it('never asks for more channels than exist', () => {
    expect(reviewSampleSize({ margin: 0.001, populationSize: 50 }).sampleSize).toBeLessThanOrEqual(50);
  });

  it('refuses a margin in percent', () => {
    expect(() => reviewSampleSize({ margin: 3 })).toThrow(EstimateInputError);
    expect(() => reviewSampleSize({ margin: 3 })).toThrow(
      /margin must be between 0 and 1 \(0.03 for ±3 points\)/,
    );
  });
});
