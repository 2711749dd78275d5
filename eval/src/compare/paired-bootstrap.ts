/**
 * Paired bootstrap of the F1 difference between two models on the same examples (Efron &
 * Tibshirani 1993, ch. 13 and §16.4; Koehn 2004, "Statistical significance tests for machine
 * translation evaluation"): each replicate draws one resample of example indices and scores BOTH
 * models on it, so the difference keeps the pairing of the examples and the variation they share
 * cancels out.
 */
import { mulberry32 } from '@tg-risk/core';
import { RISK_LABELS, type RiskLabel } from '@tg-risk/schemas';
import type { BootstrapOptions } from '../offline/f1-bootstrap.ts';
import {
  drawResample,
  f1Statistics,
  quantileOfSorted,
  type F1Statistics,
  type LabelOutcomes,
} from '../offline/label-outcomes.ts';

export type F1Key = RiskLabel | 'macro' | 'micro';
export const F1_KEYS: readonly F1Key[] = [...RISK_LABELS, 'macro', 'micro'];

/** B − A of one F1 statistic: on the full set, its interval and its two-sided p-value. */
export interface PairedDifference {
  a: number;
  b: number;
  difference: number;
  low: number;
  high: number;
  pValue: number;
}

const pick = (s: F1Statistics, key: F1Key): number =>
  key === 'macro' ? s.macro : key === 'micro' ? s.micro : s.labels[key];

/**
 * Two-sided p-value of H0 "no difference" by inverting the percentile interval: twice the smaller
 * share of replicates on either side of 0, with the Monte Carlo (1 + #) / (R + 1) form (Davison &
 * Hinkley 1997, ch. 4) so a finite bootstrap never claims p = 0: with R replicates the smallest
 * p it can give is 2 / (R + 1).
 */
export function pairedBootstrapPValue(
  atOrBelowZero: number,
  atOrAboveZero: number,
  replicates: number,
): number {
  return Math.min(1, (2 * (1 + Math.min(atOrBelowZero, atOrAboveZero))) / (replicates + 1));
}

/** F1 differences (B − A) per label, macro and micro, with paired percentile intervals and p-values. */
export function pairedF1Bootstrap(
  a: LabelOutcomes,
  b: LabelOutcomes,
  options: Required<BootstrapOptions>,
): Record<F1Key, PairedDifference> {
  if (a.examples !== b.examples) {
    throw new RangeError(`paired bootstrap needs the same examples: ${a.examples} vs ${b.examples}`);
  }
  const all = Uint32Array.from({ length: a.examples }, (_, i) => i);
  const fullA = f1Statistics(a, all);
  const fullB = f1Statistics(b, all);
  const differences = Object.fromEntries(
    F1_KEYS.map((k) => [k, new Float64Array(options.replicates)]),
  ) as Record<F1Key, Float64Array>;
  const random = mulberry32(options.seed);
  const indices = new Uint32Array(a.examples);
  for (let r = 0; r < options.replicates; r++) {
    drawResample(random, indices);
    const sa = f1Statistics(a, indices);
    const sb = f1Statistics(b, indices);
    for (const key of F1_KEYS) differences[key][r] = pick(sb, key) - pick(sa, key);
  }
  const alpha = (1 - options.level) / 2;
  const result = {} as Record<F1Key, PairedDifference>;
  for (const key of F1_KEYS) {
    const sorted = differences[key].sort();
    let below = 0;
    let above = 0;
    for (const d of sorted) {
      if (d <= 0) below++;
      if (d >= 0) above++;
    }
    result[key] = {
      a: pick(fullA, key),
      b: pick(fullB, key),
      difference: pick(fullB, key) - pick(fullA, key),
      low: quantileOfSorted(sorted, alpha),
      high: quantileOfSorted(sorted, 1 - alpha),
      pValue: pairedBootstrapPValue(below, above, options.replicates),
    };
  }
  return result;
}
