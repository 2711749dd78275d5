/** Scored examples for unit tests: hand-written ones and a seeded random set. */
import { mulberry32 } from '@tg-risk/core';
import { RISK_LABELS, type RiskLabel } from '@tg-risk/schemas';
import type { ScoredExample } from '../metrics/classification-metrics.ts';

/** One example from gold and decided labels; the scores follow the decision (0.9 or 0.1). */
export function scoredExample(
  gold: readonly RiskLabel[],
  predicted: readonly RiskLabel[],
  lang?: string,
): ScoredExample {
  const scores = { fraud: 0.1, drugs: 0.1, terrorism: 0.1 };
  for (const l of predicted) scores[l] = 0.9;
  return { gold, predicted, scores, ...(lang ? { lang } : {}) };
}

/** `n` random examples from `seed`: gold labels with prevalence ~0.3, decisions right ~80% of the time. */
export function randomScoredSet(n: number, seed: number): ScoredExample[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const gold = RISK_LABELS.filter(() => random() < 0.3);
    const predicted = RISK_LABELS.filter((l) => (random() < 0.8 ? gold.includes(l) : !gold.includes(l)));
    const scores = { fraud: random(), drugs: random(), terrorism: random() };
    return { gold, predicted, scores, lang: i % 3 === 0 ? 'en' : 'ru' };
  });
}
