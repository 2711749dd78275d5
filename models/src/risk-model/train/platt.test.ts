import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@tg-risk/core';
import { fitPlatt, plattProbability } from './platt.ts';
import { chooseThreshold, wilsonLower } from './choose-threshold.ts';

describe('fitPlatt', () => {
  it('recovers the slope and intercept of data drawn from a logistic model', () => {
    const random = mulberry32(1);
    const logits: number[] = [];
    const targets: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const z = random() * 8 - 4;
      logits.push(z);
      targets.push(random() < 1 / (1 + Math.exp(-(2 * z - 1))) ? 1 : 0);
    }
    const p = fitPlatt(logits, targets);
    expect(p.a).toBeCloseTo(2, 1);
    expect(p.b).toBeCloseTo(-1, 1);
    expect(plattProbability(p, 0.5)).toBeCloseTo(0.5, 1);
  });
});

describe('chooseThreshold', () => {
  it('picks the lowest threshold that keeps precision at the target', () => {
    const scores = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
    const targets = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0];
    const choice = chooseThreshold(scores, targets, 0.9, 0.98, 5);
    expect(choice.threshold).toBe(0.1);
    expect(choice.precision).toBeCloseTo(10 / 11, 5);
    expect(choice.targetMissed).toBe(false);
  });

  it('with z > 0, needs the lower confidence bound of precision to reach the target', () => {
    // Falling scores: the top 400 have precision 0.96, the next 200 0.80, the rest are negatives.
    const scores = Array.from({ length: 1000 }, (_, i) => 1 - i / 1000);
    const targets = scores.map((_, i) =>
      i < 400 ? (i % 25 === 24 ? 0 : 1) : i < 600 ? (i % 5 === 4 ? 0 : 1) : 0,
    );
    const point = chooseThreshold(scores, targets, 0.9, 0.98, 10);
    const bounded = chooseThreshold(scores, targets, 0.9, 0.98, 10, 1.6448536269514722);
    expect(point.precision).toBeGreaterThanOrEqual(0.9);
    expect(bounded.precisionLower).toBeGreaterThanOrEqual(0.9);
    expect(bounded.precisionLower).toBeLessThan(bounded.precision);
    // The bound costs recall: the threshold moves up.
    expect(bounded.threshold).toBeGreaterThan(point.threshold);
    expect(bounded.recall).toBeLessThan(point.recall);
    expect(point.precisionLower).toBe(point.precision);
  });

  it('computes the Wilson lower bound (Newcombe 1998, 81/263 and 15/148, 95% two-sided)', () => {
    expect(wilsonLower(81, 263, 1.959963985)).toBeCloseTo(0.2553, 4);
    expect(wilsonLower(15, 148, 1.959963985)).toBeCloseTo(0.0624, 4);
    expect(wilsonLower(0, 0, 1.96)).toBe(0);
  });

  it('says so when no threshold reaches the target', () => {
    const choice = chooseThreshold([0.9, 0.8, 0.7, 0.6, 0.5], [0, 1, 0, 1, 0], 0.9, 0.98, 2);
    expect(choice.targetMissed).toBe(true);
  });
});
