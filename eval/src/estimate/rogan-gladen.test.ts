import { describe, expect, it } from 'vitest';
import { EstimateInputError } from './errors.ts';
import { roganGladen } from './rogan-gladen.ts';

describe('roganGladen', () => {
  it('inverts E[apparent] = π·Se + (1 − π)(1 − Sp)', () => {
    const truth = 0.3;
    const se = 0.85;
    const sp = 0.92;
    const apparent = truth * se + (1 - truth) * (1 - sp);
    expect(roganGladen(apparent, se, sp)).toBeCloseTo(truth, 14);
  });

  it('gives the hand-computed value (0.68 + 0.95 − 1)/(0.90 + 0.95 − 1) = 0.63/0.85', () => {
    expect(roganGladen(0.68, 0.9, 0.95)).toBeCloseTo(0.63 / 0.85, 14);
  });

  it('is the apparent rate for a perfect classifier', () => {
    expect(roganGladen(0.42, 1, 1)).toBeCloseTo(0.42, 15);
  });

  it('clips to [0, 1]', () => {
    expect(roganGladen(0.01, 0.9, 0.95)).toBe(0); // fewer flags than false positives alone explain
    expect(roganGladen(0.99, 0.9, 0.95)).toBe(1);
  });

  it('refuses an uninformative classifier (Se + Sp <= 1) and says why', () => {
    expect(() => roganGladen(0.5, 0.5, 0.5)).toThrow(EstimateInputError);
    expect(() => roganGladen(0.5, 0.4, 0.5)).toThrow(/sensitivity \+ specificity must exceed 1/);
    expect(() => roganGladen(0.5, 0.4, 0.5)).toThrow(/not swapped/);
  });

  it('refuses rates outside [0, 1]', () => {
    expect(() => roganGladen(68, 0.9, 0.95)).toThrow(/apparentRate must be a proportion in \[0, 1\], got 68/);
  });
});
