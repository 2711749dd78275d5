import { describe, expect, it } from 'vitest';
import type { RiskLabel } from '@tg-risk/schemas';
import { computeSetMetrics, type ScoredExample } from '../metrics/classification-metrics.ts';
import { labelOutcomes } from '../offline/label-outcomes.ts';
import { randomScoredSet, scoredExample } from '../offline/test-fixtures.ts';
import { pairedBootstrapPValue, pairedF1Bootstrap } from './paired-bootstrap.ts';

const fraud: RiskLabel[] = ['fraud'];
const none: RiskLabel[] = [];
const options = { replicates: 2000, seed: 7, level: 0.95 };

/** Every one of the n^n equally likely resamples of a tiny set, scored with computeSetMetrics. */
function exactBootstrapShares(
  a: ScoredExample[],
  b: ScoredExample[],
): { atOrBelow: number; atOrAbove: number } {
  const n = a.length;
  const total = n ** n;
  let atOrBelow = 0;
  let atOrAbove = 0;
  for (let code = 0; code < total; code++) {
    const indices = Array.from({ length: n }, (_, i) => Math.floor(code / n ** i) % n);
    const d =
      computeSetMetrics(indices.map((i) => b[i]!)).labels.fraud.f1 -
      computeSetMetrics(indices.map((i) => a[i]!)).labels.fraud.f1;
    if (d <= 0) atOrBelow++;
    if (d >= 0) atOrAbove++;
  }
  return { atOrBelow: atOrBelow / total, atOrAbove: atOrAbove / total };
}

describe('paired bootstrap of F1 differences', () => {
  it('gives exactly 0 with p = 1 for the same decisions: both models see the same resamples', () => {
    const scored = randomScoredSet(120, 4);
    const result = pairedF1Bootstrap(labelOutcomes(scored), labelOutcomes(scored), options);
    for (const key of ['fraud', 'drugs', 'terrorism', 'macro', 'micro'] as const) {
      expect(result[key], key).toMatchObject({ difference: 0, low: 0, high: 0, pValue: 1 });
    }
  });

  it('gives B - A = -1 in every replicate when A is always right and B always wrong (hand-computed)', () => {
    const a = Array.from({ length: 6 }, () => scoredExample(fraud, fraud));
    const b = Array.from({ length: 6 }, () => scoredExample(fraud, none));
    const result = pairedF1Bootstrap(labelOutcomes(a), labelOutcomes(b), options);
    expect(result.fraud).toEqual({ a: 1, b: 0, difference: -1, low: -1, high: -1, pValue: 2 / 2001 });
    // Macro-F1 is the mean over three labels; drugs and terrorism have F1 0 for both.
    expect(result.macro.difference).toBeCloseTo(-1 / 3, 15);
    expect(result.macro.pValue).toBe(2 / 2001);
  });

  it('matches the exact bootstrap distribution enumerated over all n^n resamples of a tiny set', () => {
    // gold:   F F F - -      A: F - F - -     B: F F F F F   (A misses one, B flags two negatives)
    const gold = [fraud, fraud, fraud, none, none];
    const a = gold.map((g, i) => scoredExample(g, i === 1 ? none : g));
    const b = gold.map((g) => scoredExample(g, fraud));
    const exact = exactBootstrapShares(a, b);
    const exactP = Math.min(1, 2 * Math.min(exact.atOrBelow, exact.atOrAbove));
    const result = pairedF1Bootstrap(labelOutcomes(a), labelOutcomes(b), {
      replicates: 20_000,
      seed: 3,
      level: 0.95,
    });
    expect(exactP).toBeGreaterThan(0.05); // a non-trivial case
    expect(
      Math.abs(result.fraud.pValue - exactP),
      `bootstrap p ${result.fraud.pValue} vs exact ${exactP}`,
    ).toBeLessThan(0.02);
    expect(result.fraud.difference).toBeCloseTo(
      computeSetMetrics(b).labels.fraud.f1 - computeSetMetrics(a).labels.fraud.f1,
      15,
    );
  });

  it('negates the difference and keeps the p-value when A and B swap', () => {
    const a = labelOutcomes(randomScoredSet(90, 8));
    const b = labelOutcomes(randomScoredSet(90, 9));
    const ab = pairedF1Bootstrap(a, b, options);
    const ba = pairedF1Bootstrap(b, a, options);
    expect(ba.macro.difference).toBeCloseTo(-ab.macro.difference, 15);
    expect(ba.macro.pValue).toBe(ab.macro.pValue);
    expect(pairedF1Bootstrap(a, b, options)).toEqual(ab);
  });

  it('refuses sets of different sizes', () => {
    expect(() =>
      pairedF1Bootstrap(labelOutcomes(randomScoredSet(3, 1)), labelOutcomes(randomScoredSet(4, 1)), options),
    ).toThrow(/same examples/);
  });
});

describe('pairedBootstrapPValue', () => {
  it('is twice the smaller tail with the (1 + #) / (R + 1) Monte Carlo form, capped at 1', () => {
    expect(pairedBootstrapPValue(0, 1000, 1000)).toBeCloseTo(2 / 1001, 15);
    expect(pairedBootstrapPValue(24, 976, 1000)).toBeCloseTo(50 / 1001, 15);
    expect(pairedBootstrapPValue(1000, 1000, 1000)).toBe(1);
    expect(pairedBootstrapPValue(600, 450, 1000)).toBeCloseTo(902 / 1001, 15);
    expect(pairedBootstrapPValue(550, 500, 1000)).toBe(1);
  });
});
