/**
 * The fastText peer on the same data in the same run: its test-split macro-F1 (thresholds chosen on
 * validation at the same target precision as ours) and its prediction throughput on the same
 * messages, model loading excluded (a one-message run is subtracted).
 */
import { chooseThreshold } from '@tg-risk/models';
import { computeSetMetrics, fastTextAvailable, trainFastText } from '@tg-risk/eval';
import { RISK_LABELS, type EvalExampleV1, type RiskLabel } from '@tg-risk/schemas';
import { summarise, type Summary } from './stats.ts';

export interface FastTextFigures {
  macro_f1: number;
  throughput: Summary;
}

/** Trains fastText on `train`, scores `test`, and times prediction over `texts`. Null when fastText is absent. */
export function benchFastText(
  train: readonly EvalExampleV1[],
  validation: readonly EvalExampleV1[],
  test: readonly EvalExampleV1[],
  texts: readonly string[],
  runs: number,
): FastTextFigures | null {
  if (!fastTextAvailable()) return null;
  const model = trainFastText(train);
  try {
    const validationScores = model.predict(validation.map((e) => e.text));
    const thresholds = {} as Record<RiskLabel, number>;
    for (const label of RISK_LABELS) {
      thresholds[label] = chooseThreshold(
        validationScores.map((s) => s[label]),
        validation.map((e) => (e.labels.includes(label) ? 1 : 0)),
        0.9,
      ).threshold;
    }
    const testScores = model.predict(test.map((e) => e.text));
    const metrics = computeSetMetrics(
      test.map((e, i) => ({
        gold: e.labels,
        scores: testScores[i]!,
        predicted: RISK_LABELS.filter((l) => testScores[i]![l] >= thresholds[l]),
      })),
    );
    const rates: number[] = [];
    for (let run = 0; run < runs; run++) {
      model.predict(texts.slice(0, 1));
      const startup = model.lastPredictSeconds;
      model.predict(texts);
      rates.push(texts.length / Math.max(1e-6, model.lastPredictSeconds - startup));
    }
    return { macro_f1: metrics.macro_f1, throughput: summarise(rates) };
  } finally {
    model.dispose();
  }
}
