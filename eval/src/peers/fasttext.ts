/**
 * fastText (Joulin et al. 2017, "Bag of Tricks for Efficient Text Classification"), Debian's
 * `fasttext` binary, as the peer baseline: trained on the same data, one-vs-all loss for multi-label,
 * the same text normalisation as our model so the comparison is about the model, and thresholds
 * chosen the same way (out-of-fold over the same channel folds, at the same target precision).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  channelFolds,
  chooseThreshold,
  normaliseText,
  OUT_OF_FOLD_FOLDS,
  THRESHOLD_Z,
} from '@tg-risk/models';
import { computeSetMetrics, type SetMetrics } from '../metrics/classification-metrics.ts';
import { RISK_LABELS, type EvalExampleV1, type RiskLabel } from '@tg-risk/schemas';

export interface FastTextOptions {
  epoch: number;
  lr: number;
  wordNgrams: number;
  minn: number;
  maxn: number;
  dim: number;
  threads: number;
}

export const DEFAULT_FASTTEXT_OPTIONS: Readonly<FastTextOptions> = Object.freeze({
  epoch: 25,
  lr: 0.5,
  wordNgrams: 2,
  minn: 2,
  maxn: 5,
  dim: 50,
  threads: 1,
});

/** True when the `fasttext` binary is on the PATH (Debian package `fasttext`). */
export function fastTextAvailable(): boolean {
  return spawnSync('fasttext', [], { stdio: 'ignore' }).error === undefined;
}

/** fastText's input form: one line, tokens separated by spaces. */
export function fastTextInput(text: string): string {
  return normaliseText(text)
    .text.replace(/[\p{P}\p{S}]/gu, (c) => ` ${c} `)
    .replace(/\s+/g, ' ')
    .trim();
}

export interface FastTextModel {
  /** Probability per label for each text, in order. */
  predict(texts: readonly string[]): Array<Record<RiskLabel, number>>;
  /** Seconds spent in `fasttext predict-prob` for the last predict() call (process start included). */
  lastPredictSeconds: number;
  dispose(): void;
}

/** Trains a fastText model on `train` in a temp dir. */
export function trainFastText(
  train: readonly EvalExampleV1[],
  options: FastTextOptions = DEFAULT_FASTTEXT_OPTIONS,
): FastTextModel {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-fasttext-'));
  const trainFile = path.join(dir, 'train.txt');
  writeFileSync(
    trainFile,
    train
      .map(
        (e) =>
          `${e.labels.length > 0 ? e.labels.map((l) => `__label__${l}`).join(' ') : '__label__none'} ${fastTextInput(e.text)}`,
      )
      .join('\n') + '\n',
  );
  const modelPrefix = path.join(dir, 'model');
  execFileSync(
    'fasttext',
    [
      'supervised',
      '-input',
      trainFile,
      '-output',
      modelPrefix,
      '-loss',
      'ova',
      '-epoch',
      String(options.epoch),
      '-lr',
      String(options.lr),
      '-wordNgrams',
      String(options.wordNgrams),
      '-minn',
      String(options.minn),
      '-maxn',
      String(options.maxn),
      '-dim',
      String(options.dim),
      '-thread',
      String(options.threads),
      '-verbose',
      '0',
    ],
    { stdio: 'pipe' },
  );
  const model: FastTextModel = {
    lastPredictSeconds: 0,
    predict(texts) {
      const input = path.join(dir, 'predict.txt');
      writeFileSync(input, texts.map(fastTextInput).join('\n') + '\n');
      const started = process.hrtime.bigint();
      const out = execFileSync('fasttext', ['predict-prob', `${modelPrefix}.bin`, input, '-1', '0.0'], {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024 * 512,
      });
      model.lastPredictSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      return out
        .split('\n')
        .slice(0, texts.length)
        .map((line) => {
          const scores: Record<RiskLabel, number> = { fraud: 0, drugs: 0, terrorism: 0 };
          const parts = line.trim().split(/\s+/);
          for (let i = 0; i + 1 < parts.length; i += 2) {
            const label = parts[i]!.replace('__label__', '') as RiskLabel;
            if ((RISK_LABELS as readonly string[]).includes(label)) scores[label] = Number(parts[i + 1]);
          }
          return scores;
        });
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
  return model;
}

/**
 * fastText's test-split metrics under the protocol our model is trained with, so the two compare
 * fairly: per-label thresholds at `targetPrecision` from 5-fold out-of-fold scores over training +
 * validation (folds by channel, the same folds), then one model trained on training + validation
 * scores the test split. `model` receives the final model before it is disposed (for timing).
 */
export function fastTextTestMetrics(
  train: readonly EvalExampleV1[],
  validation: readonly EvalExampleV1[],
  test: readonly EvalExampleV1[],
  targetPrecision: number,
  options: FastTextOptions = DEFAULT_FASTTEXT_OPTIONS,
  use?: (model: FastTextModel) => void,
): SetMetrics {
  const all = [...train, ...validation];
  const fold = channelFolds(all);
  const outOfFold = new Array<Record<RiskLabel, number>>(all.length);
  for (let f = 0; f < OUT_OF_FOLD_FOLDS; f++) {
    const held = all.flatMap((e, i) => (fold[i] === f ? [i] : []));
    const model = trainFastText(
      all.filter((_, i) => fold[i] !== f),
      options,
    );
    try {
      model.predict(held.map((i) => all[i]!.text)).forEach((scores, j) => (outOfFold[held[j]!] = scores));
    } finally {
      model.dispose();
    }
  }
  const thresholds = {} as Record<RiskLabel, number>;
  for (const label of RISK_LABELS) {
    thresholds[label] = chooseThreshold(
      outOfFold.map((s) => s[label]),
      all.map((e) => (e.labels.includes(label) ? 1 : 0)),
      targetPrecision,
      0.98,
      10,
      THRESHOLD_Z,
    ).threshold;
  }
  const model = trainFastText(all, options);
  try {
    const testScores = model.predict(test.map((e) => e.text));
    use?.(model);
    return computeSetMetrics(
      test.map((e, i) => ({
        gold: e.labels,
        scores: testScores[i]!,
        predicted: RISK_LABELS.filter((l) => testScores[i]![l] >= thresholds[l]),
      })),
    );
  } finally {
    model.dispose();
  }
}
