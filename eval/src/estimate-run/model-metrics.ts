/**
 * The model's message-level quality on its test split, as the report needs it: precision, recall,
 * false-positive rate fp/(fp + tn) and the reliability table, per label. Read from a model
 * directory's metrics.json (its `test` section) or from a `tgrisk eval --json` report, which share
 * that shape.
 */
import type { EstReliabilityBin } from '@tg-risk/schemas';
import { EstimateInputError } from '../estimate/errors.ts';
import { LABELS, type LabelNumbers } from './records.ts';

/** One label's quality on the test split. */
export interface LabelQuality {
  precision: number;
  recall: number;
  falsePositives: number;
  negatives: number;
  falsePositiveRate: number;
  reliability: EstReliabilityBin[];
}

/** The model's quality per label, and where it came from. */
export interface ModelMetrics {
  source: string;
  model: string | null;
  labels: Record<(typeof LABELS)[number], LabelQuality>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isRate = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

/** Parses a metrics.json or eval report; throws naming the file and the missing field. */
export function parseModelMetrics(doc: unknown, file: string): ModelMetrics {
  const fail = (where: string): never => {
    throw new EstimateInputError(
      `${file}: ${where} is missing or not a number; expected a model metrics.json (with a "test" section) ` +
        'or a `tgrisk eval --json` report, or leave out --metrics',
      { file },
    );
  };
  const section = isRecord(doc) && isRecord(doc.test) ? doc.test : doc;
  const base = isRecord(doc) && isRecord(doc.test) ? 'test.' : '';
  if (!isRecord(section) || !isRecord(section.labels)) return fail(`${base}labels`);
  const labels = {} as ModelMetrics['labels'];
  for (const label of LABELS) {
    const m = section.labels[label];
    if (!isRecord(m)) return fail(`${base}labels.${label}`);
    const confusion = m.confusion;
    if (!isRecord(confusion) || !isCount(confusion.fp) || !isCount(confusion.tn)) {
      return fail(`${base}labels.${label}.confusion.fp/tn`);
    }
    if (!isRate(m.precision)) return fail(`${base}labels.${label}.precision`);
    if (!isRate(m.recall)) return fail(`${base}labels.${label}.recall`);
    const calibration = isRecord(section.calibration) ? section.calibration[label] : undefined;
    const bins = isRecord(calibration) && Array.isArray(calibration.bins) ? calibration.bins : [];
    const reliability = bins.map((b, i): EstReliabilityBin => {
      if (
        !isRecord(b) ||
        !isRate(b.low) ||
        !isRate(b.high) ||
        !isCount(b.count) ||
        !isRate(b.mean_score) ||
        !isRate(b.observed_rate)
      ) {
        return fail(`${base}calibration.${label}.bins[${i}]`);
      }
      return {
        low: b.low,
        high: b.high,
        count: b.count,
        mean_score: b.mean_score,
        observed_rate: b.observed_rate,
      };
    });
    const negatives = confusion.fp + confusion.tn;
    labels[label] = {
      precision: m.precision,
      recall: m.recall,
      falsePositives: confusion.fp,
      negatives,
      falsePositiveRate: negatives === 0 ? 0 : confusion.fp / negatives,
      reliability,
    };
  }
  const model = typeof section.model === 'string' ? section.model : null;
  return {
    source: `${base ? 'metrics.json test split' : 'evaluation report'}${model ? ` of ${model}` : ''}`,
    model,
    labels,
  };
}

/** Per-label false-positive rates of the model, with a sentence saying where they come from. */
export function modelFalsePositiveRates(metrics: ModelMetrics): { f: LabelNumbers; basis: string } {
  const f = {} as LabelNumbers;
  const parts: string[] = [];
  for (const label of LABELS) {
    const m = metrics.labels[label];
    f[label] = m.falsePositiveRate;
    parts.push(`${label} ${m.falsePositives}/${m.negatives}`);
  }
  return { f, basis: `false positives / clean messages on the ${metrics.source}: ${parts.join(', ')}` };
}
