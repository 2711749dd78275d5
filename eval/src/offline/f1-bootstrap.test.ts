import { describe, expect, it } from 'vitest';
import { RISK_LABELS } from '@tg-risk/schemas';
import { bootstrapInterval } from '../metrics/bootstrap.ts';
import { computeSetMetrics } from '../metrics/classification-metrics.ts';
import { f1BootstrapIntervals } from './f1-bootstrap.ts';
import { f1Statistics, labelOutcomes } from './label-outcomes.ts';
import { randomScoredSet } from './test-fixtures.ts';

describe('F1 from label outcomes', () => {
  it('equals computeSetMetrics on the full set, bit for bit', () => {
    const scored = randomScoredSet(97, 3);
    const all = Array.from({ length: scored.length }, (_, i) => i);
    const stats = f1Statistics(labelOutcomes(scored), all);
    const metrics = computeSetMetrics(scored);
    for (const l of RISK_LABELS) expect(stats.labels[l]).toBe(metrics.labels[l].f1);
    expect(stats.macro).toBe(metrics.macro_f1);
    expect(stats.micro).toBe(metrics.micro_f1);
  });
});

describe('f1BootstrapIntervals', () => {
  it('gives the same intervals as bootstrapInterval over computeSetMetrics with the same seed', () => {
    const scored = randomScoredSet(80, 11);
    const options = { replicates: 200, seed: 5 };
    const intervals = f1BootstrapIntervals(labelOutcomes(scored), { ...options, level: 0.95 });
    for (const l of RISK_LABELS) {
      expect(intervals[l], l).toEqual(
        bootstrapInterval(scored, (s) => computeSetMetrics(s).labels[l].f1, options),
      );
    }
    expect(intervals.macro).toEqual(bootstrapInterval(scored, (s) => computeSetMetrics(s).macro_f1, options));
    expect(intervals.micro).toEqual(bootstrapInterval(scored, (s) => computeSetMetrics(s).micro_f1, options));
  });

  it('is reproducible from its seed and brackets the point estimate', () => {
    const outcomes = labelOutcomes(randomScoredSet(150, 2));
    const options = { replicates: 500, seed: 9, level: 0.95 };
    const once = f1BootstrapIntervals(outcomes, options);
    expect(f1BootstrapIntervals(outcomes, options)).toEqual(once);
    const point = f1Statistics(
      outcomes,
      Array.from({ length: 150 }, (_, i) => i),
    );
    expect(once.macro.low).toBeLessThanOrEqual(point.macro);
    expect(once.macro.high).toBeGreaterThanOrEqual(point.macro);
    expect(once.macro.high - once.macro.low).toBeGreaterThan(0);
  });
});
