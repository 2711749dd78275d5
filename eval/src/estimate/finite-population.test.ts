import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './binomial-intervals.ts';
import { EstimateInputError } from './errors.ts';
import {
  effectiveSampleSize,
  finitePopulationFactor,
  wilsonIntervalFinitePopulation,
} from './finite-population.ts';

describe('finite-population correction', () => {
  it('an infinite population is no correction at all', () => {
    const corrected = wilsonIntervalFinitePopulation(81, 263, Infinity);
    const plain = wilsonInterval(81, 263);
    expect(corrected.lower).toBe(plain.lower);
    expect(corrected.upper).toBe(plain.upper);
    expect(corrected.effectiveSampleSize).toBe(263);
  });

  it('tends to the uncorrected interval as N grows', () => {
    const plain = wilsonInterval(81, 263);
    const huge = wilsonIntervalFinitePopulation(81, 263, 1e12);
    expect(Math.abs(huge.lower - plain.lower)).toBeLessThan(1e-9);
    expect(Math.abs(huge.upper - plain.upper)).toBeLessThan(1e-9);
  });

  it('a census (n = N) has zero width at the observed share', () => {
    const census = wilsonIntervalFinitePopulation(81, 263, 263);
    expect(census.lower).toBe(81 / 263);
    expect(census.upper).toBe(81 / 263);
    expect(census.effectiveSampleSize).toBe(Infinity);
  });

  it('matches Wilson at n_eff = n(N − 1)/(N − n), computed with mpmath', () => {
    // 81 of 263 from N = 1000: n_eff = 263·999/737 = 356.49525…; mpmath (40 digits) Wilson limits.
    const ci = wilsonIntervalFinitePopulation(81, 263, 1000);
    expect(ci.effectiveSampleSize).toBeCloseTo(356.49525101763908, 10);
    expect(ci.lower).toBeCloseTo(0.262321050392834, 13);
    expect(ci.upper).toBeCloseTo(0.357742582828981, 13);
  });

  it('narrows monotonically as the sample covers more of the population', () => {
    const widths = [100_000, 10_000, 1_000, 300].map((N) => {
      const ci = wilsonIntervalFinitePopulation(81, 263, N);
      return ci.upper - ci.lower;
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeLessThan(widths[i - 1]!);
  });

  it('exposes the factor and effective size', () => {
    expect(finitePopulationFactor(100, 1001)).toBeCloseTo(0.901, 15);
    expect(effectiveSampleSize(100, 1001)).toBeCloseTo(100 / 0.901, 12);
    expect(finitePopulationFactor(5, Infinity)).toBe(1);
  });

  it('refuses a sample larger than its population', () => {
    expect(() => wilsonIntervalFinitePopulation(3, 20, 10)).toThrow(EstimateInputError);
    expect(() => wilsonIntervalFinitePopulation(3, 20, 10)).toThrow(/cannot be larger than the population/);
  });
});
