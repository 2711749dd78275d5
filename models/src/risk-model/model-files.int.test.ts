/** The model directory reader on the shipped model and on broken copies of it (real files). */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_DIR } from '../default-classifier.ts';
import { readRiskModelFiles } from './model-files.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the shipped model directory whose thresholds.json is `thresholds`. */
function modelWithThresholds(thresholds: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-model-'));
  dirs.push(dir);
  for (const file of ['model.json', 'model.onnx'])
    copyFileSync(path.join(DEFAULT_MODEL_DIR, file), path.join(dir, file));
  writeFileSync(path.join(dir, 'thresholds.json'), JSON.stringify(thresholds));
  return dir;
}

const shipped = JSON.parse(readFileSync(path.join(DEFAULT_MODEL_DIR, 'thresholds.json'), 'utf8')) as {
  labels: Record<string, Record<string, unknown>>;
};

describe('readRiskModelFiles', () => {
  it('reads the shipped model, whose thresholds.json matches model-thresholds.v1', () => {
    const files = readRiskModelFiles(DEFAULT_MODEL_DIR);
    expect(files.thresholds.labels.fraud.threshold).toBeGreaterThan(0);
    expect(files.thresholds.labels.fraud.precision_lower_bound).toBeGreaterThanOrEqual(
      files.thresholds.target_precision,
    );
  });

  it('refuses a thresholds.json with a label missing or a threshold out of range, naming file and field', () => {
    const { drugs: _drugs, ...withoutDrugs } = shipped.labels;
    const missing = modelWithThresholds({ ...shipped, labels: withoutDrugs });
    expect(() => readRiskModelFiles(missing)).toThrow(
      new RegExp(
        `${missing}/thresholds.json is not a model-thresholds.v1 document: /labels is missing required field "drugs"`,
      ),
    );
    const outOfRange = modelWithThresholds({
      ...shipped,
      labels: { ...shipped.labels, fraud: { ...shipped.labels.fraud, threshold: '0.5' } },
    });
    expect(() => readRiskModelFiles(outOfRange)).toThrow(/\/labels\/fraud\/threshold must be number/);
  });
});
