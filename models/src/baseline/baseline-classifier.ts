/**
 * A keyword-and-cue baseline classifier: the honest floor behind the `Classifier` interface until a
 * trained model is present. score = sigmoid(bias + sum of matched cue weights - about-penalty).
 */
import type { Classifier, LabelPrediction } from '@tg-risk/core';
import { RISK_LABELS, type Evidence, type RiskLabel } from '@tg-risk/schemas';
import { foldPreservingOffsets } from './fold-text.ts';
import { ABOUT_CUES, CUES } from './lexicon.ts';

export const BASELINE_MODEL = 'baseline-lexicon@0.1.0';

/** Log-odds before any cue: most messages in any channel are not violations. */
const BIAS = -2.5;
/** Log-odds removed per "talking about it" cue (news, warnings, recovery), at most twice. */
const ABOUT_PENALTY = 1.5;
const THRESHOLD = 0.5;

/** Creates the baseline classifier (pure, synchronous inside). */
export function createBaselineClassifier(): Classifier {
  return {
    model: BASELINE_MODEL,
    classify: async (texts) => texts.map(classifyOne),
    close: async () => {},
  };
}

/** Classifies one text with the baseline's cues. Exported for unit tests. */
export function classifyOne(text: string): LabelPrediction {
  const folded = foldPreservingOffsets(text);
  const logit: Record<RiskLabel, number> = { fraud: BIAS, drugs: BIAS, terrorism: BIAS };
  const evidence: Evidence[] = [];
  for (const cue of CUES) {
    for (const match of folded.matchAll(cue.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      logit[cue.label] += cue.weight;
      evidence.push({
        label: cue.label,
        kind: cue.kind,
        start,
        end,
        text: text.slice(start, end),
        weight: cue.weight,
      });
    }
  }
  let aboutHits = 0;
  for (const pattern of ABOUT_CUES) {
    pattern.lastIndex = 0;
    if (pattern.test(folded)) aboutHits++;
  }
  const penalty = Math.min(aboutHits, 2) * ABOUT_PENALTY;
  const scores = {} as Record<RiskLabel, number>;
  for (const label of RISK_LABELS) scores[label] = round6(sigmoid(logit[label] - penalty));
  const labels = RISK_LABELS.filter((label) => scores[label] >= THRESHOLD);
  evidence.sort((a, b) => a.start - b.start || a.label.localeCompare(b.label));
  return {
    labels,
    scores,
    thresholds: { set: 'baseline@0.5', fraud: THRESHOLD, drugs: THRESHOLD, terrorism: THRESHOLD },
    evidence: evidence.filter((e) => labels.includes(e.label)).slice(0, 50),
    model: BASELINE_MODEL,
  };
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Six decimals keep labels byte-identical across platforms' last-bit differences in exp(). */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
