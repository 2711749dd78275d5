import { describe, expect, it } from 'vitest';
import { EstimateInputError } from './errors.ts';
import { normalCdf, normalQuantile, zForLevel } from './normal-distribution.ts';

// Reference values: mpmath 1.3.0 at 40 digits (√2·erfinv(level) and ncdf).
describe('normal distribution', () => {
  it('z for 90%, 95% and 99% match mpmath to 1e-14', () => {
    expect(zForLevel(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(zForLevel(0.99)).toBeCloseTo(2.575829303548901, 14);
    expect(zForLevel(0.9)).toBeCloseTo(1.6448536269514726, 14);
  });

  it('Φ matches mpmath, including the far tail to relative precision', () => {
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300946, 16);
    expect(normalCdf(1.5)).toBeCloseTo(0.9331927987311419, 15);
    expect(normalCdf(-8) / 6.220960574271784e-16).toBeCloseTo(1, 12);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('Φ⁻¹ inverts Φ in both tails', () => {
    for (const p of [1e-12, 0.001, 0.3, 0.5, 0.8, 0.999]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 12);
    }
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });

  it('names the bad level and the fix', () => {
    expect(() => zForLevel(95)).toThrow(EstimateInputError);
    expect(() => zForLevel(95)).toThrow(/level must be between 0 and 1 \(e.g. 0.95\), got 95/);
  });
});
