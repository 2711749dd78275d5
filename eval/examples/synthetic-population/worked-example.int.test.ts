/**
 * The worked example with the real classifier and real files: the estimate recovers the known truth
 * within its intervals, the naive figure is biased, and the run reproduces from its manifest.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Classifier, LabelPrediction } from '@tg-risk/core';
import { createDefaultClassifier } from '@tg-risk/models';
import type { EvalExampleV1 } from '@tg-risk/schemas';
import { verifyManifest } from '../../src/audit/verify.ts';
import { REPO_ROOT, tempDir } from '../../../tests/helpers.ts';
import { classifyPool, DEFAULT_POPULATION } from './population.ts';
import { readMessagePool, replicateExample, runWorkedExample } from './worked-example.ts';

let classifier: Classifier;
let pool: EvalExampleV1[];
let predictions: LabelPrediction[];
const scratch = tempDir('tgrisk-example-');

beforeAll(async () => {
  pool = await readMessagePool(path.join(REPO_ROOT, 'eval/data/test.jsonl'));
  classifier = await createDefaultClassifier();
  predictions = await classifyPool(pool, classifier);
});
afterAll(async () => {
  await classifier?.close();
  scratch.cleanup();
});

describe('worked example: synthetic population with a known rate', () => {
  it('recovers the truth within the corrected and stratified intervals; the naive figure is biased', async () => {
    const example = await runWorkedExample(DEFAULT_POPULATION, pool, predictions, {
      cwd: scratch.dir,
      workDir: 'work',
      outDir: 'out',
      thresholds: path.join(REPO_ROOT, 'models/tgrisk-risk/thresholds.json'),
      metrics: path.join(REPO_ROOT, 'models/tgrisk-risk/metrics.json'),
    });
    const truth = example.population.truth.share;
    const any = example.run.report.targets.any;
    expect(example.population.truth.channels).toBe(DEFAULT_POPULATION.channels);
    expect(any.corrected.available).toBe(true);
    expect(any.stratified.available).toBe(true);
    if (!any.corrected.available || !any.stratified.available) return;
    expect(any.corrected.lower).toBeLessThanOrEqual(truth);
    expect(any.corrected.upper).toBeGreaterThanOrEqual(truth);
    expect(any.stratified.lower).toBeLessThanOrEqual(truth);
    expect(any.stratified.upper).toBeGreaterThanOrEqual(truth);
    // "One flagged message" on channels of a dozen messages or more: the naive figure is far off.
    expect(any.naive.rate - truth).toBeGreaterThan(0.1);
    expect(any.naive.wilson.lower).toBeGreaterThan(truth);

    const verified = await verifyManifest(example.manifestPath!, scratch.dir);
    expect(verified.problems).toEqual([]);
    expect(verified.identical).toBe(true);
  });

  it('is unbiased where the naive figure is not, over re-drawn populations', () => {
    const saved = { fraud: 0, drugs: 0, terrorism: 0 };
    for (const label of ['fraud', 'drugs', 'terrorism'] as const)
      saved[label] = predictions[0]!.thresholds[label];
    const summary = replicateExample(DEFAULT_POPULATION, pool, predictions, saved, 30);
    expect(summary.meanBias.naive).toBeGreaterThan(0.15);
    expect(Math.abs(summary.meanBias.corrected)).toBeLessThan(0.05);
    expect(Math.abs(summary.meanBias.stratified)).toBeLessThan(0.03);
    expect(summary.coverage.naive).toBeLessThan(0.2);
    expect(summary.coverage.stratified).toBeGreaterThanOrEqual(0.8);
    expect(summary.coverage.corrected).toBeGreaterThanOrEqual(0.8);
  });
});
