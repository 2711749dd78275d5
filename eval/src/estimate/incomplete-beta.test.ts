import { describe, expect, it } from 'vitest';
import {
  binomialUpperTail,
  inverseRegularizedIncompleteBeta,
  regularizedIncompleteBeta,
} from './incomplete-beta.ts';

// Reference values: mpmath 1.3.0 `betainc(a, b, 0, x, regularized=True)` at 40 digits.
const REFERENCE: [number, number, number, number][] = [
  [0.3, 81, 183, 0.4114615980954786],
  [0.001, 5, 96, 6.95609893402262e-8],
  [0.5, 0.5, 0.5, 0.5],
  [0.9, 2, 3, 0.9963],
];

describe('regularizedIncompleteBeta', () => {
  it.each(REFERENCE)('I_%d(%d, %d) matches mpmath to 1e-12 relative', (x, a, b, expected) => {
    expect(Math.abs(regularizedIncompleteBeta(x, a, b) - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it('is 0 at x = 0 and 1 at x = 1', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('converges for counts the size of a channel population', () => {
    expect(regularizedIncompleteBeta(0.68, 6528, 3073)).toBeGreaterThan(0.4);
    expect(regularizedIncompleteBeta(0.68, 6528, 3073)).toBeLessThan(0.6);
  });
});

describe('inverseRegularizedIncompleteBeta', () => {
  it.each([
    [0.025, 81, 183],
    [0.975, 2, 28],
    [1e-9, 3, 5000],
    [0.5, 0.5, 0.5],
    [0.999, 6529, 3072],
  ])('inverts I at q=%d, a=%d, b=%d to 1e-13', (q, a, b) => {
    const x = inverseRegularizedIncompleteBeta(q, a, b);
    expect(Math.abs(regularizedIncompleteBeta(x, a, b) - q)).toBeLessThanOrEqual(1e-13 * Math.max(q, 1e-3));
  });

  it('matches the Clopper–Pearson lower limit for 81/263 computed with mpmath', () => {
    expect(inverseRegularizedIncompleteBeta(0.025, 81, 183)).toBeCloseTo(0.2527367455852712, 13);
  });
});

describe('binomialUpperTail', () => {
  it('equals the direct binomial sum for a small case', () => {
    // P(X >= 2), X ~ Bin(4, 0.3) = 1 − 0.7⁴ − 4·0.3·0.7³
    expect(binomialUpperTail(2, 4, 0.3)).toBeCloseTo(1 - 0.7 ** 4 - 4 * 0.3 * 0.7 ** 3, 14);
  });

  it('handles k outside 1..n and p at the ends', () => {
    expect(binomialUpperTail(0, 5, 0.2)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.2)).toBe(0);
    expect(binomialUpperTail(2, 5, 0)).toBe(0);
    expect(binomialUpperTail(2, 5, 1)).toBe(1);
  });
});
