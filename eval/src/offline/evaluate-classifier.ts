/**
 * Runs a classifier over a labelled set and computes the offline evaluation report: per label
 * precision, recall, F1, support, PR-AUC, confusion counts; macro and micro F1; per-language
 * breakdown; calibration (ECE and reliability table) per label; 95% bootstrap intervals for F1.
 */
import type { Classifier } from '@tg-risk/core';
import { RISK_LABELS, type EvalExampleV1, type RiskLabel } from '@tg-risk/schemas';
import { calibration, type Calibration } from '../metrics/calibration.ts';
import {
  computeSetMetrics,
  metricsByLanguage,
  type ScoredExample,
  type SetMetrics,
} from '../metrics/classification-metrics.ts';
import { f1BootstrapIntervals, type BootstrapOptions, type F1Intervals } from './f1-bootstrap.ts';
import { labelOutcomes } from './label-outcomes.ts';

/** The resampling of every report unless asked otherwise: 1000 replicates from seed 7, 95% level. */
export const DEFAULT_BOOTSTRAP: Required<BootstrapOptions> = { replicates: 1000, seed: 7, level: 0.95 };

export interface EvaluationReport extends SetMetrics {
  model: string;
  by_lang: Record<string, SetMetrics>;
  calibration: Record<RiskLabel, Calibration>;
  f1_interval: F1Intervals;
  bootstrap: Required<BootstrapOptions>;
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

/** Computes the report for already scored examples (intervals from `bootstrap`, seeded). */
export function reportFromScores(
  model: string,
  scored: readonly ScoredExample[],
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): EvaluationReport {
  const bootstrap = { ...options, level: options.level ?? DEFAULT_BOOTSTRAP.level };
  const overall = computeSetMetrics(scored);
  const calibrationByLabel = {} as Record<RiskLabel, Calibration>;
  for (const label of RISK_LABELS) {
    calibrationByLabel[label] = calibration(
      scored.map((e) => e.scores[label]),
      scored.map((e) => (e.gold.includes(label) ? 1 : 0)),
    );
  }
  return {
    model,
    ...overall,
    by_lang: metricsByLanguage(scored),
    calibration: calibrationByLabel,
    f1_interval: f1BootstrapIntervals(labelOutcomes(scored), bootstrap),
    bootstrap,
  };
}

/** Scores and reports in one step. */
export async function evaluateClassifier(
  classifier: Classifier,
  examples: readonly EvalExampleV1[],
  bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP,
): Promise<EvaluationReport> {
  return reportFromScores(classifier.model, await scoreExamples(classifier, examples), bootstrap);
}
