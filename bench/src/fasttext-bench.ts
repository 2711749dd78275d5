/**
 * The fastText peer on the same data in the same run: its test-split macro-F1 (thresholds chosen on
 * validation at the same target precision as ours) and its prediction throughput on the same
 * messages, model loading excluded (a one-message run is subtracted).
 */
import { fastTextAvailable, fastTextTestMetrics, trainFastText } from '@tg-risk/eval';
import type { EvalExampleV1 } from '@tg-risk/schemas';
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
    const metrics = fastTextTestMetrics(model, validation, test, 0.9);
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
