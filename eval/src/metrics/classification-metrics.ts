/**
 * Multi-label classification metrics for one labelled set: per label precision, recall, F1,
 * support and PR-AUC (average precision), macro and micro F1, confusion counts. Pure functions over
 * gold label sets, decided label sets and scores.
 */
import { RISK_LABELS, type RiskLabel } from '@tg-risk/schemas';

export interface ScoredExample {
  gold: readonly RiskLabel[];
  predicted: readonly RiskLabel[];
  scores: Readonly<Record<RiskLabel, number>>;
  lang?: string;
}

export interface LabelMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  pr_auc: number;
  confusion: { tp: number; fp: number; fn: number; tn: number };
}

export interface SetMetrics {
  labels: Record<RiskLabel, LabelMetrics>;
  macro_f1: number;
  micro_f1: number;
  examples: number;
}

/** Rounds for reports: 4 decimals is what the evaluation contract prints. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function safeDiv(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Average precision (area under the precision-recall step curve), ties broken pessimistically. */
export function averagePrecision(scores: readonly number[], targets: readonly number[]): number {
  const order = scores.map((s, i) => ({ s, y: targets[i]! })).sort((a, b) => b.s - a.s || a.y - b.y);
  const positives = targets.reduce((n, y) => n + y, 0);
  if (positives === 0) return 0;
  let tp = 0;
  let ap = 0;
  order.forEach((item, i) => {
    if (item.y === 1) {
      tp++;
      ap += tp / (i + 1);
    }
  });
  return ap / positives;
}

/** Computes every metric of the set. */
export function computeSetMetrics(examples: readonly ScoredExample[]): SetMetrics {
  const labels = {} as Record<RiskLabel, LabelMetrics>;
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  for (const label of RISK_LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    const scores: number[] = [];
    const targets: number[] = [];
    for (const e of examples) {
      const gold = e.gold.includes(label);
      const predicted = e.predicted.includes(label);
      if (gold && predicted) tp++;
      else if (!gold && predicted) fp++;
      else if (gold && !predicted) fn++;
      else tn++;
      scores.push(e.scores[label]);
      targets.push(gold ? 1 : 0);
    }
    const precision = safeDiv(tp, tp + fp);
    const recall = safeDiv(tp, tp + fn);
    labels[label] = {
      precision,
      recall,
      f1: safeDiv(2 * precision * recall, precision + recall),
      support: tp + fn,
      pr_auc: averagePrecision(scores, targets),
      confusion: { tp, fp, fn, tn },
    };
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
  }
  const microP = safeDiv(tpAll, tpAll + fpAll);
  const microR = safeDiv(tpAll, tpAll + fnAll);
  return {
    labels,
    macro_f1: RISK_LABELS.reduce((s, l) => s + labels[l].f1, 0) / RISK_LABELS.length,
    micro_f1: safeDiv(2 * microP * microR, microP + microR),
    examples: examples.length,
  };
}

/** Metrics per language (examples without a language are grouped under "unknown"). */
export function metricsByLanguage(examples: readonly ScoredExample[]): Record<string, SetMetrics> {
  const groups = new Map<string, ScoredExample[]>();
  for (const e of examples) {
    const lang = e.lang ?? 'unknown';
    let list = groups.get(lang);
    if (!list) groups.set(lang, (list = []));
    list.push(e);
  }
  return Object.fromEntries(
    [...groups.keys()].sort().map((lang) => [lang, computeSetMetrics(groups.get(lang)!)]),
  );
}
