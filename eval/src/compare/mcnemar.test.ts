import { describe, expect, it } from 'vitest';
import { binomialUpperTail } from '../estimate/incomplete-beta.ts';
import { binomialHalfLowerTail, mcnemarExact, mcnemarFromCorrectness } from './mcnemar.ts';

/** P(X <= k), X ~ Binomial(n, 1/2), exactly in integers: sum of C(n, i) over 2^n. */
function exactLowerTail(k: number, n: number): number {
  let c = 1n;
  let sum = 0n;
  for (let i = 0; i <= k; i++) {
    sum += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  // Scale before dividing so the quotient keeps ~15 significant digits.
  const scale = 10n ** 18n;
  return Number((sum * scale) / (1n << BigInt(n))) / 1e18;
}

describe('McNemar exact test', () => {
  it('matches hand-computed p-values: 2 P(X <= min(b, c)) for X ~ Binomial(b + c, 1/2)', () => {
    // b = 1, c = 9: 2 (C(10,0) + C(10,1)) / 2^10 = 2 * 11 / 1024.
    expect(mcnemarExact(1, 9).pValue).toBeCloseTo(22 / 1024, 15);
    expect(mcnemarExact(1, 9).pValue).toBeCloseTo(0.0215, 4);
    // b = 0, c = 6: 2 / 64.
    expect(mcnemarExact(0, 6).pValue).toBeCloseTo(0.03125, 15);
    // b = 2, c = 8: 2 (1 + 10 + 45) / 1024.
    expect(mcnemarExact(2, 8).pValue).toBeCloseTo(112 / 1024, 15);
  });

  it('is symmetric in b and c, 1 without discordant pairs, and capped at 1 when b = c', () => {
    expect(mcnemarExact(9, 1).pValue).toBe(mcnemarExact(1, 9).pValue);
    expect(mcnemarExact(0, 0).pValue).toBe(1);
    expect(mcnemarExact(5, 5).pValue).toBe(1);
    expect(mcnemarExact(0, 1).pValue).toBe(1);
  });

  it('agrees with exact integer arithmetic and with the incomplete beta function', () => {
    for (const [k, n] of [
      [0, 1],
      [3, 20],
      [17, 60],
      [29, 60],
    ] as const) {
      expect(binomialHalfLowerTail(k, n), `k=${k} n=${n}`).toBeCloseTo(exactLowerTail(k, n), 14);
    }
    // P(X <= k) = P(X >= n - k) at p = 1/2; the incomplete beta path is independent of the sum.
    for (const [k, n] of [
      [480, 1040],
      [1400, 3000],
      [2400, 5000],
    ] as const) {
      const reference = binomialUpperTail(n - k, n, 0.5);
      expect(Math.abs(binomialHalfLowerTail(k, n) - reference) / reference, `k=${k} n=${n}`).toBeLessThan(
        1e-9,
      );
    }
  });

  it('counts discordant examples from per-example correctness', () => {
    const a = [true, true, false, false, true, false];
    const b = [true, false, true, true, false, false];
    expect(mcnemarFromCorrectness(a, b)).toEqual({ aRightBWrong: 2, aWrongBRight: 2, pValue: 1 });
    expect(() => mcnemarFromCorrectness([true], [])).toThrow(/same examples/);
  });
});
