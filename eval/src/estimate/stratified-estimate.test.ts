import { describe, expect, it } from 'vitest';
import { EstimateInputError } from './errors.ts';
import { stratifiedEstimate, type Stratum } from './stratified-estimate.ts';

/**
 * Hand-computed example (checked with exact fractions in Python): 9,600 channels in three score strata.
 *   low:  N=6000, n=50, y=2   W=0.625  p=0.04  v = 0.625²·(1 − 50/6000)·0.04·0.96/49 = 17/56000
 *   mid:  N=2400, n=50, y=20  W=0.25   p=0.40  v = 0.25²·(1 − 50/2400)·0.40·0.60/49  = 0.00029974489…
 *   high: N=1200, n=40, y=36  W=0.125  p=0.90  v = 0.125²·(1 − 40/1200)·0.90·0.10/39 = 0.00003485576…
 *   p̂ = 0.625·0.04 + 0.25·0.4 + 0.125·0.9 = 0.2375,  v = 26017/40768000 = 0.000638172…
 *   95%: 0.2375 ± 1.959964·0.0252620 = 0.187987… to 0.287013…
 */
const STRATA: Stratum[] = [
  { name: 'low', populationSize: 6000, sampleSize: 50, positives: 2 },
  { name: 'mid', populationSize: 2400, sampleSize: 50, positives: 20 },
  { name: 'high', populationSize: 1200, sampleSize: 40, positives: 36 },
];

describe('stratifiedEstimate', () => {
  it('reproduces the hand-computed example', () => {
    const result = stratifiedEstimate(STRATA);
    expect(result.estimate).toBeCloseTo(0.2375, 14);
    expect(result.standardError ** 2).toBeCloseTo(26017 / 40768000, 15);
    expect(result.lower).toBeCloseTo(0.1879872559194765, 12);
    expect(result.upper).toBeCloseTo(0.2870127440805235, 12);
    expect(result.populationSize).toBe(9600);
    expect(result.strata.map((s) => s.variance)).toEqual([
      expect.closeTo(17 / 56000, 15),
      expect.closeTo(0.0002997448979591837, 15),
      expect.closeTo(3.485576923076923e-5, 15),
    ]);
  });

  it('one stratum is simple random sampling with the finite-population factor', () => {
    const result = stratifiedEstimate([{ populationSize: 1000, sampleSize: 100, positives: 30 }]);
    expect(result.estimate).toBeCloseTo(0.3, 15);
    expect(result.standardError ** 2).toBeCloseTo((0.9 * 0.3 * 0.7) / 99, 15);
  });

  it('a census stratum adds no variance', () => {
    const result = stratifiedEstimate([
      { populationSize: 10, sampleSize: 10, positives: 4 },
      { populationSize: 1, sampleSize: 1, positives: 1 },
    ]);
    expect(result.standardError).toBe(0);
    expect(result.lower).toBe(result.estimate);
  });

  it('0/n strata add no variance unless the Wilson-centre guard is asked for', () => {
    const strata: Stratum[] = [
      { name: 'low', populationSize: 8000, sampleSize: 30, positives: 0 },
      { name: 'high', populationSize: 2000, sampleSize: 30, positives: 15 },
    ];
    const plugIn = stratifiedEstimate(strata);
    expect(plugIn.strata[0]).toMatchObject({ degenerate: true, variance: 0 });
    const guarded = stratifiedEstimate(strata, { degenerateStrata: 'wilson_centre' });
    expect(guarded.estimate).toBe(plugIn.estimate);
    expect(guarded.strata[0]!.variance).toBeGreaterThan(0);
    expect(guarded.standardError).toBeGreaterThan(plugIn.standardError);
  });

  it('clips the interval to [0, 1]', () => {
    const result = stratifiedEstimate([{ populationSize: 1000, sampleSize: 20, positives: 1 }]);
    expect(result.lower).toBe(0);
  });

  it('refuses strata it cannot estimate a variance for, saying what to do', () => {
    expect(() => stratifiedEstimate([])).toThrow(EstimateInputError);
    expect(() =>
      stratifiedEstimate([{ name: 'top', populationSize: 50, sampleSize: 1, positives: 1 }]),
    ).toThrow(/stratum top: a sample of 1 gives no variance estimate; sample at least 2 channels or merge/);
    expect(() => stratifiedEstimate([{ populationSize: 50, sampleSize: 60, positives: 1 }])).toThrow(
      /stratum 0: sampleSize must be a whole number in 1..50, got 60/,
    );
  });
});
