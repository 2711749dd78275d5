import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@tg-risk/core';
import { floydSample, seededSampler } from './stratified-sampler.ts';

describe('floydSample', () => {
  it('draws distinct sorted positions inside the population', () => {
    const positions = floydSample(100, 30, mulberry32(1));
    expect(positions).toHaveLength(30);
    expect(new Set(positions).size).toBe(30);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.every((p) => p >= 0 && p < 100)).toBe(true);
    expect(floydSample(5, 5, mulberry32(2))).toEqual([0, 1, 2, 3, 4]);
    expect(floydSample(5, 0, mulberry32(2))).toEqual([]);
    expect(() => floydSample(3, 4, mulberry32(2))).toThrow(RangeError);
  });

  it('gives every position the same chance (chi-square over 20,000 draws)', () => {
    const counts = new Array<number>(10).fill(0);
    const random = mulberry32(7);
    for (let i = 0; i < 20_000; i++) for (const p of floydSample(10, 3, random)) counts[p]!++;
    const expected = (20_000 * 3) / 10;
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(chi2 > 27.88) = 0.001.
    expect(chi2).toBeLessThan(27.88);
  });
});

describe('seededSampler', () => {
  it('repeats for the same seed and stratum, and differs across strata and seeds', () => {
    const a = seededSampler(42);
    expect(a(0, 1000, 10)).toEqual(seededSampler(42)(0, 1000, 10));
    expect(a(0, 1000, 10)).not.toEqual(a(1, 1000, 10));
    expect(a(0, 1000, 10)).not.toEqual(seededSampler(43)(0, 1000, 10));
  });
});
