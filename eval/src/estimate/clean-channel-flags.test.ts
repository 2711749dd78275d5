import { describe, expect, it } from 'vitest';
import { minFlagsForFalseAlarmRate, probabilityCleanChannelFlagged } from './clean-channel-flags.ts';

// Reference values: exact binomial sums with mpmath 1.3.0 at 40 digits.
describe('probabilityCleanChannelFlagged', () => {
  it('k = 1 is 1 − (1 − f)^n', () => {
    expect(probabilityCleanChannelFlagged(200, 0.01, 1)).toBeCloseTo(0.8660203251420381, 14);
    expect(probabilityCleanChannelFlagged(200, 0.01, 1)).toBeCloseTo(1 - 0.99 ** 200, 14);
  });

  it('keeps relative precision when n·f is tiny', () => {
    expect(probabilityCleanChannelFlagged(10, 1e-12, 1) / 1e-11).toBeCloseTo(1, 9);
  });

  it.each([
    [200, 0.01, 3, 0.32332130546434296],
    [50, 0.001, 5, 2.0407861493411063e-9],
    [1000, 0.002, 5, 0.052472389792522445],
    [20, 0.3, 20, 3.486784401e-11],
  ])('n=%d, f=%d, k=%d matches the exact binomial tail to 1e-11 relative', (n, f, k, expected) => {
    expect(Math.abs(probabilityCleanChannelFlagged(n, f, k) / expected - 1)).toBeLessThan(1e-11);
  });

  it('handles k = 0, k > n and f at the ends', () => {
    expect(probabilityCleanChannelFlagged(10, 0.1, 0)).toBe(1);
    expect(probabilityCleanChannelFlagged(10, 0.1, 11)).toBe(0);
    expect(probabilityCleanChannelFlagged(10, 0, 1)).toBe(0);
    expect(probabilityCleanChannelFlagged(10, 1, 10)).toBe(1);
  });

  it('refuses a rate outside [0, 1]', () => {
    expect(() => probabilityCleanChannelFlagged(10, 1.2, 1)).toThrow(/f must be a proportion in \[0, 1\]/);
  });
});

describe('minFlagsForFalseAlarmRate', () => {
  it('finds the smallest threshold with at most the allowed chance of a false call', () => {
    // n = 200, f = 0.01: P(>=3) = 0.323, P(>=4) = 0.142, P(>=5) = 0.0517, P(>=6) = 0.0160
    const k = minFlagsForFalseAlarmRate(200, 0.01, 0.05);
    expect(probabilityCleanChannelFlagged(200, 0.01, k)).toBeLessThanOrEqual(0.05);
    expect(probabilityCleanChannelFlagged(200, 0.01, k - 1)).toBeGreaterThan(0.05);
    expect(k).toBe(6);
  });
});
