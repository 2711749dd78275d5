/**
 * Runs a classifier over a labelled set and computes the offline evaluation report: per label
 * precision, recall, F1, support, PR-AUC, confusion counts; macro and micro F1; per-language
 * breakdown; calibration (ECE and reliability table) per label; 95% bootstrap intervals for F1.
 */
import type { Classifier } from '@tg-risk/core';
import { RISK_LABELS, type EvalExampleV1, type RiskLabel } from '@tg-risk/schemas';
import { bootstrapInterval } from '../metrics/bootstrap.ts';
import { calibration, type Calibration } from '../metrics/calibration.ts';
import {
  computeSetMetrics,
  metricsByLanguage,
  type ScoredExample,
  type SetMetrics,
} from '../metrics/classification-metrics.ts';

export interface EvaluationReport extends SetMetrics {
  model: string;
  by_lang: Record<string, SetMetrics>;
  calibration: Record<RiskLabel, Calibration>;
  f1_interval: Record<RiskLabel | 'macro', { low: number; high: number }>;
  bootstrap: { replicates: number; seed: number };
}

/** Classifies `examples` in batches and returns the scored examples (gold, predicted, scores, lang). */
export async function scoreExamples(
  classifier: Classifier,
  examples: readonly EvalExampleV1[],
  batchSize = 256,
): Promise<ScoredExample[]> {
  const scored: ScoredExample[] = [];
  for (let i = 0; i < examples.length; i += batchSize) {
    const batch = examples.slice(i, i + batchSize);
    const predictions = await classifier.classify(batch.map((e) => e.text));
    batch.forEach((e, j) => {
      const p = predictions[j]!;
      scored.push({
        gold: e.labels,
        predicted: p.labels,
        scores: p.scores,
        ...(e.lang ? { lang: e.lang } : {}),
      });
    });
  }
  return scored;
}

/** Computes the report for already scored examples. */
export function reportFromScores(
  model: string,
  scored: readonly ScoredExample[],
  bootstrap = { replicates: 1000, seed: 7 },
): EvaluationReport {
  const overall = computeSetMetrics(scored);
  const calibrationByLabel = {} as Record<RiskLabel, Calibration>;
  const interval = {} as EvaluationReport['f1_interval'];
  for (const label of RISK_LABELS) {
    calibrationByLabel[label] = calibration(
      scored.map((e) => e.scores[label]),
      scored.map((e) => (e.gold.includes(label) ? 1 : 0)),
    );
    interval[label] = bootstrapInterval(scored, (s) => computeSetMetrics(s).labels[label].f1, bootstrap);
  }
  interval.macro = bootstrapInterval(scored, (s) => computeSetMetrics(s).macro_f1, bootstrap);
  return {
    model,
    ...overall,
    by_lang: metricsByLanguage(scored),
    calibration: calibrationByLabel,
    f1_interval: interval,
    bootstrap,
  };
}

/** Scores and reports in one step. */
export async function evaluateClassifier(
  classifier: Classifier,
  examples: readonly EvalExampleV1[],
): Promise<EvaluationReport> {
  return reportFromScores(classifier.model, await scoreExamples(classifier, examples));
}
