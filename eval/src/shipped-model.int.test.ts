/**
 * The shipped default model on the repo's own data: quality on the test split at the saved
 * thresholds, the obfuscation suite, and retraining that reproduces the shipped files byte for byte.
 *
 * The quality bar is the product's: macro-F1 >= 0.90 and precision >= 0.90 per label at the saved
 * thresholds (measured 0.906; precision 0.905 / 0.930 / 0.934, see models/tgrisk-risk/MODEL_CARD.md).
 * Retraining is deterministic, so a change to the data or the trainer that breaks the promise
 * fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Classifier } from '@tg-risk/core';
import {
  createRiskClassifier,
  DEFAULT_MODEL_DIR,
  trainRiskModel,
  DEFAULT_TRAINING_OPTIONS,
} from '@tg-risk/models';
import { RISK_LABELS, type EvalExampleV1 } from '@tg-risk/schemas';
import { computeSetMetrics } from './metrics/classification-metrics.ts';
import { scoreExamples } from './offline/evaluate-classifier.ts';
import { obfuscate, OBFUSCATIONS } from './obfuscation/obfuscate.ts';
import { readDataSplit } from './dataset/read-split.ts';

const readSplit = readDataSplit;

let classifier: Classifier;
let test: EvalExampleV1[];
beforeAll(async () => {
  classifier = await createRiskClassifier({ modelDir: DEFAULT_MODEL_DIR });
  test = readSplit('test');
});
afterAll(() => classifier.close());

describe('shipped model on the test split', () => {
  it('reaches macro-F1 >= 0.90 with precision >= 0.90 for every label', async () => {
    const metrics = computeSetMetrics(await scoreExamples(classifier, test));
    const summary = JSON.stringify(Object.fromEntries(RISK_LABELS.map((l) => [l, metrics.labels[l]])));
    expect(metrics.macro_f1, summary).toBeGreaterThanOrEqual(0.9);
    for (const label of RISK_LABELS)
      expect(metrics.labels[label].precision, `${label}: ${summary}`).toBeGreaterThanOrEqual(0.9);
  });

  it('gives obfuscated variants the labels of their plain text in >= 95% of cases', async () => {
    const plain = test.filter((_, i) => i % 3 === 0);
    const plainLabels = (await classifier.classify(plain.map((e) => e.text))).map((p) => p.labels.join(','));
    let same = 0;
    let total = 0;
    const misses: string[] = [];
    for (const kind of OBFUSCATIONS) {
      const variants = plain.map((e, i) => obfuscate(e.text, kind, i + 1));
      const labels = (await classifier.classify(variants)).map((p) => p.labels.join(','));
      labels.forEach((l, i) => {
        total++;
        if (l === plainLabels[i]) same++;
        else if (misses.length < 10)
          misses.push(`${kind}: ${JSON.stringify(variants[i]!.slice(0, 80))} ${plainLabels[i]} -> ${l}`);
      });
    }
    expect(same / total, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('training', () => {
  it('reproduces the shipped model files byte for byte from the same data and seed', async () => {
    const files = await trainRiskModel(readSplit('train'), readSplit('validation'), DEFAULT_TRAINING_OPTIONS);
    const shipped = JSON.parse(
      readFileSync(path.join(DEFAULT_MODEL_DIR, 'MANIFEST.json'), 'utf8'),
    ) as unknown;
    expect(JSON.parse(new TextDecoder().decode(files['MANIFEST.json']))).toEqual(shipped);
    for (const name of ['model.onnx', 'model.json', 'thresholds.json', 'calibration.json']) {
      expect(
        Buffer.compare(Buffer.from(files[name]!), readFileSync(path.join(DEFAULT_MODEL_DIR, name))),
        name,
      ).toBe(0);
    }
  });
});
