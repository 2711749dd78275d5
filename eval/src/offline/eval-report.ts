/**
 * Turns an evaluation into the eval-report.v1 wire object: fixed key order, numbers rounded to 4
 * decimals, validated against the schema before anyone prints it. Same input, same bytes.
 */
import {
  assertValid,
  RISK_LABELS,
  type EvalReportV1,
  type EvalSetMetrics,
  type RiskLabel,
} from '@tg-risk/schemas';
import { round4, type SetMetrics } from '../metrics/classification-metrics.ts';
import type { EvaluationReport } from './evaluate-classifier.ts';

/** What identifies the labelled set a report was computed on. */
export interface EvalInputSummary {
  /** Path as the user gave it. */
  file: string;
  sha256: string;
  /** Non-blank lines read. */
  lines: number;
  /** Lines skipped because they were not eval-example.v1 (only with --skip-bad). */
  badLines: number;
}

/** Rounds every number in a JSON-like value to 4 decimals (what the evaluation contract prints). */
export function roundNumbers<T>(value: T): T {
  if (typeof value === 'number') return round4(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => roundNumbers(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v)])) as T;
  }
  return value;
}

/** An object with one entry per risk label, in the order fraud, drugs, terrorism. */
export function byLabel<T>(value: (label: RiskLabel) => T): Record<RiskLabel, T> {
  const result = {} as Record<RiskLabel, T>;
  for (const label of RISK_LABELS) result[label] = value(label);
  return result;
}

function setMetrics(m: SetMetrics): EvalSetMetrics {
  return {
    labels: byLabel((l) => {
      const x = m.labels[l];
      return {
        precision: x.precision,
        recall: x.recall,
        f1: x.f1,
        support: x.support,
        pr_auc: x.pr_auc,
        confusion: { tp: x.confusion.tp, fp: x.confusion.fp, fn: x.confusion.fn, tn: x.confusion.tn },
      };
    }),
    macro_f1: m.macro_f1,
    micro_f1: m.micro_f1,
    examples: m.examples,
  };
}

const interval = (i: { low: number; high: number }) => ({ low: i.low, high: i.high });

/** The eval-report.v1 object of `evaluation` on `input`; throws SchemaValidationError if it is not one. */
export function buildEvalReport(evaluation: EvaluationReport, input: EvalInputSummary): EvalReportV1 {
  const overall = setMetrics(evaluation);
  const report: EvalReportV1 = {
    schema: 'eval-report.v1',
    labels: overall.labels,
    macro_f1: overall.macro_f1,
    micro_f1: overall.micro_f1,
    by_lang: Object.fromEntries(
      Object.keys(evaluation.by_lang)
        .sort()
        .map((lang) => [lang, setMetrics(evaluation.by_lang[lang]!)]),
    ),
    calibration: byLabel((l) => ({
      ece: evaluation.calibration[l].ece,
      bins: evaluation.calibration[l].bins.map((b) => ({
        low: b.low,
        high: b.high,
        count: b.count,
        mean_score: b.mean_score,
        observed_rate: b.observed_rate,
      })),
    })),
    f1_interval: {
      ...byLabel((l) => interval(evaluation.f1_interval[l])),
      macro: interval(evaluation.f1_interval.macro),
      micro: interval(evaluation.f1_interval.micro),
    },
    model: evaluation.model,
    examples: evaluation.examples,
    bootstrap: {
      replicates: evaluation.bootstrap.replicates,
      seed: evaluation.bootstrap.seed,
      level: evaluation.bootstrap.level,
    },
    input: { file: input.file, sha256: input.sha256, lines: input.lines, bad_lines: input.badLines },
  };
  return assertValid('eval-report.v1', roundNumbers(report));
}
