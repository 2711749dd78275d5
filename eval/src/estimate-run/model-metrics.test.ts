import { describe, expect, it } from 'vitest';
import { modelFalsePositiveRates, parseModelMetrics } from './model-metrics.ts';

const label = (fp: number, tn: number) => ({
  precision: 0.9,
  recall: 0.6,
  confusion: { tp: 10, fp, fn: 5, tn },
});
const section = {
  model: 'm@1',
  labels: { fraud: label(13, 909), drugs: label(6, 911), terrorism: label(0, 50) },
  calibration: { fraud: { bins: [{ low: 0, high: 0.1, count: 9, mean_score: 0.05, observed_rate: 0.02 }] } },
};

describe('parseModelMetrics', () => {
  it('reads a metrics.json test section and an eval report alike', () => {
    const fromMetrics = parseModelMetrics({ test: section }, 'metrics.json');
    const fromEval = parseModelMetrics({ schema: 'eval-report.v1', ...section }, 'eval.json');
    expect(fromMetrics.labels).toEqual(fromEval.labels);
    expect(fromMetrics.labels.fraud.falsePositiveRate).toBeCloseTo(13 / 922, 12);
    expect(fromMetrics.labels.fraud.reliability).toHaveLength(1);
    expect(fromMetrics.labels.drugs.reliability).toEqual([]);
    expect(fromMetrics.source).toBe('metrics.json test split of m@1');
    expect(modelFalsePositiveRates(fromMetrics).basis).toMatch(
      /fraud 13\/922, drugs 6\/917, terrorism 0\/50/,
    );
  });

  it('names the missing field and the file', () => {
    expect(() => parseModelMetrics({ test: { labels: { fraud: label(1, 1) } } }, 'metrics.json')).toThrow(
      /metrics.json: test.labels.drugs is missing/,
    );
    expect(() =>
      parseModelMetrics({ labels: { ...section.labels, fraud: { precision: 2 } } }, 'x.json'),
    ).toThrow(/x.json: labels.fraud.confusion/);
  });
});
