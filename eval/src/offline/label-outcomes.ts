/**
 * Per-example, per-label outcomes (true/false positive/negative) packed into typed arrays, and F1
 * computed from the outcome counts of a resample of example indices. Bootstraps resample indices
 * rather than examples, so two models scored on the same set can share every resample (a paired
 * bootstrap) and no replicate re-sorts scores or allocates examples.
 */
import { RISK_LABELS, type RiskLabel } from '@tg-risk/schemas';
import type { ScoredExample } from '../metrics/classification-metrics.ts';

/** Outcome codes of one example for one label. */
export const OUTCOME = { tn: 0, tp: 1, fp: 2, fn: 3 } as const;

/** Outcomes of a scored set: `codes[label][i]` is the OUTCOME code of example i for that label. */
export interface LabelOutcomes {
  examples: number;
  codes: Record<RiskLabel, Uint8Array>;
}

/** F1 of every label, their mean (macro) and the pooled-count F1 (micro) of one resample. */
export interface F1Statistics {
  labels: Record<RiskLabel, number>;
  macro: number;
  micro: number;
}

/** Encodes gold against decided labels for every example and label. */
export function labelOutcomes(scored: readonly ScoredExample[]): LabelOutcomes {
  const codes = {} as Record<RiskLabel, Uint8Array>;
  for (const label of RISK_LABELS) {
    const column = new Uint8Array(scored.length);
    scored.forEach((e, i) => {
      const gold = e.gold.includes(label);
      const predicted = e.predicted.includes(label);
      column[i] = gold ? (predicted ? OUTCOME.tp : OUTCOME.fn) : predicted ? OUTCOME.fp : OUTCOME.tn;
    });
    codes[label] = column;
  }
  return { examples: scored.length, codes };
}

/** True when the model decided `label` correctly for the example (a TP or a TN). */
export function isCorrect(code: number): boolean {
  return code === OUTCOME.tp || code === OUTCOME.tn;
}

function safeDiv(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * F1 = 2PR / (P + R) with P = tp / (tp + fp), R = tp / (tp + fn), 0 when undefined; the same
 * operations in the same order as computeSetMetrics, so a resample of all indices in order gives
 * bit-identical numbers.
 */
export function f1FromCounts(tp: number, fp: number, fn: number): number {
  const precision = safeDiv(tp, tp + fp);
  const recall = safeDiv(tp, tp + fn);
  return safeDiv(2 * precision * recall, precision + recall);
}

/** F1 statistics of the examples at `indices` (with repeats, as a bootstrap resample has them). */
export function f1Statistics(outcomes: LabelOutcomes, indices: ArrayLike<number>): F1Statistics {
  const labels = {} as Record<RiskLabel, number>;
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  let macroSum = 0;
  for (const label of RISK_LABELS) {
    const column = outcomes.codes[label];
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < indices.length; i++) counts[column[indices[i]!]!]!++;
    const tp = counts[OUTCOME.tp]!;
    const fp = counts[OUTCOME.fp]!;
    const fn = counts[OUTCOME.fn]!;
    labels[label] = f1FromCounts(tp, fp, fn);
    macroSum += labels[label];
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
  }
  return { labels, macro: macroSum / RISK_LABELS.length, micro: f1FromCounts(tpAll, fpAll, fnAll) };
}

/** Fills `out` with a bootstrap resample of 0..n-1: n draws with replacement from `random`. */
export function drawResample(random: () => number, out: Uint32Array): Uint32Array {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = Math.floor(random() * n);
  return out;
}

/**
 * The percentile-method quantile of sorted bootstrap values (Efron & Tibshirani 1993, §13.3): the
 * value at floor(q·R), clamped to the sample; NaN for no values.
 */
export function quantileOfSorted(sorted: readonly number[] | Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))]!;
}
