import { describe, expect, it } from 'vitest';
import { MAX_CURVE_POINTS, precisionRecallCurve } from './curves.ts';

describe('precisionRecallCurve', () => {
  it('has one point per distinct score, predicting positive at score >= it', () => {
    const curve = precisionRecallCurve([
      { score: 0.9, positive: true },
      { score: 0.8, positive: false },
      { score: 0.8, positive: true },
      { score: 0.1, positive: false },
    ]);
    expect(curve).toEqual([
      { threshold: 0.9, precision: 1, recall: 0.5 },
      { threshold: 0.8, precision: 2 / 3, recall: 1 },
      { threshold: 0.1, precision: 0.5, recall: 1 },
    ]);
  });

  it('is empty without positives and keeps at most MAX_CURVE_POINTS points', () => {
    expect(precisionRecallCurve([{ score: 0.5, positive: false }])).toEqual([]);
    const many = Array.from({ length: 500 }, (_, i) => ({ score: i / 500, positive: i % 2 === 0 }));
    const curve = precisionRecallCurve(many);
    expect(curve).toHaveLength(MAX_CURVE_POINTS);
    expect(curve[0]!.threshold).toBe(499 / 500);
    expect(curve[curve.length - 1]!.recall).toBe(1);
  });
});
