import { describe, expect, it } from 'vitest';
import { logBeta, logGamma } from './log-gamma.ts';

// Reference values: mpmath 1.3.0 `loggamma` at 40 digits (independent arbitrary-precision code).
const REFERENCE: [number, number][] = [
  [0.5, 0.5723649429247001],
  [1, 0],
  [3.7, 1.4280723266653879],
  [10, 12.801827480081469],
  [263.5, 1203.3952905677],
  [1e5, 1051287.7089736569],
];

describe('logGamma', () => {
  it.each(REFERENCE)('ln Γ(%d) matches mpmath to 1e-14 relative', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));
  });

  it('gives ln n! at whole numbers', () => {
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 13);
  });

  it('refuses x <= 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });

  it('logBeta(1, b) is −ln b', () => {
    expect(logBeta(1, 7)).toBeCloseTo(-Math.log(7), 13);
  });
});
