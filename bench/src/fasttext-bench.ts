/**
 * The fastText peer on the same data in the same run: its test-split macro-F1 (trained and given
 * thresholds by the same out-of-fold protocol as ours) and its prediction throughput on the same
 * messages, model loading excluded (a one-message run is subtracted).
 */
import { fastTextAvailable, fastTextTestMetrics } from '@tg-risk/eval';
import type { EvalExampleV1 } from '@tg-risk/schemas';
import { summarise, type Summary } from './stats.ts';

export interface FastTextFigures {
  macro_f1: number;
  throughput: Summary;
}

/** Trains fastText on `train` + `validation`, scores `test`, and times prediction over `texts`. Null when fastText is absent. */
export function benchFastText(
  train: readonly EvalExampleV1[],
  validation: readonly EvalExampleV1[],
  test: readonly EvalExampleV1[],
  texts: readonly string[],
  runs: number,
): FastTextFigures | null {
  if (!fastTextAvailable()) return null;
  const rates: number[] = [];
  const metrics = fastTextTestMetrics(train, validation, test, 0.9, undefined, (model) => {
    for (let run = 0; run < runs; run++) {
      model.predict(texts.slice(0, 1));
      const startup = model.lastPredictSeconds;
      model.predict(texts);
      rates.push(texts.length / Math.max(1e-6, model.lastPredictSeconds - startup));
    }
  });
  return { macro_f1: metrics.macro_f1, throughput: summarise(rates) };
}
