import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@tg-risk/core';
import { fitPlatt, plattProbability } from './platt.ts';
import { chooseThreshold } from './choose-threshold.ts';

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

  it('says so when no threshold reaches the target', () => {
    const choice = chooseThreshold([0.9, 0.8, 0.7, 0.6, 0.5], [0, 1, 0, 1, 0], 0.9, 0.98, 2);
    expect(choice.targetMissed).toBe(true);
  });
});
