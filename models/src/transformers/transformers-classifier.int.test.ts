/**
 * The transformers backend end to end on a real model directory: built here from hand-written
 * examples, written to a temp dir, loaded through @huggingface/transformers with remote loading off.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoModelForSequenceClassification, AutoTokenizer, env, pipeline } from '@huggingface/transformers';
import { UsageError, type Classifier } from '@tg-risk/core';
import { assertValid, RISK_LABELS } from '@tg-risk/schemas';
import {
  buildTinyTextClassifier,
  createTransformersClassifier,
  type TinyTextClassifierReport,
} from './index.ts';
import { useOfflineTransformersEnv } from './offline-env.ts';
import { TINY_HELD_OUT, TINY_TRAINING_EXAMPLES } from './tiny-training-examples.ts';

const LABELS = ['fraud', 'drugs', 'terrorism'];
let root: string;
let modelDir: string;
let report: TinyTextClassifierReport;
let classifier: Classifier;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tgrisk-transformers-'));
  modelDir = join(root, 'tiny');
  report = await buildTinyTextClassifier({
    examples: TINY_TRAINING_EXAMPLES,
    labels: LABELS,
    outDir: modelDir,
    seed: 42,
  });
  classifier = await createTransformersClassifier({ modelDir });
});

afterAll(async () => {
  await classifier?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('buildTinyTextClassifier', () => {
  it('writes a transformers.js model directory whose tokenizer splits text as expected', async () => {
    expect(report.files).toEqual([
      'config.json',
      'onnx/model.onnx',
      'tgrisk-labels.json',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    expect(report.unknownTokenRate).toBe(0);
    expect(report.epochLosses.at(-1)!).toBeLessThan(0.05);
    useOfflineTransformersEnv();
    const tokenizer = await AutoTokenizer.from_pretrained(modelDir, { local_files_only: true });
    expect(tokenizer.constructor.name).toBe('BertTokenizer');
    expect(tokenizer.tokenize('Selling WEED, discreet délivery!')).toEqual([
      'selling',
      'weed',
      ',',
      'discreet',
      'delivery',
      '!',
    ]);
    const encoded = tokenizer('Selling zebras', { return_tensor: false });
    expect(tokenizer.decode(encoded.input_ids)).toBe('[CLS] selling [UNK] [SEP]');
  });

  it('is deterministic: same examples and seed give byte-identical files, another seed other weights', async () => {
    const again = join(root, 'tiny-again');
    const otherSeed = join(root, 'tiny-seed-43');
    await buildTinyTextClassifier({
      examples: TINY_TRAINING_EXAMPLES,
      labels: LABELS,
      outDir: again,
      seed: 42,
    });
    await buildTinyTextClassifier({
      examples: TINY_TRAINING_EXAMPLES,
      labels: LABELS,
      outDir: otherSeed,
      seed: 43,
    });
    for (const file of report.files) {
      const [a, b] = await Promise.all([readFile(join(modelDir, file)), readFile(join(again, file))]);
      expect(a.equals(b), `${file} differs between two builds`).toBe(true);
    }
    const [a, c] = await Promise.all([
      readFile(join(modelDir, 'onnx/model.onnx')),
      readFile(join(otherSeed, 'onnx/model.onnx')),
    ]);
    expect(a.equals(c)).toBe(false);
  });
});

describe('createTransformersClassifier on the built model', () => {
  it('classifies held-out obvious examples correctly', async () => {
    const predictions = await classifier.classify(TINY_HELD_OUT.map((e) => e.text));
    const got = predictions.map((p, i) => ({ text: TINY_HELD_OUT[i]!.text, labels: p.labels }));
    expect(got).toEqual(TINY_HELD_OUT.map((e) => ({ text: e.text, labels: e.labels })));
  });

  it('outputs valid label.v1 predictions with scores in [0, 1], no evidence and the model version', async () => {
    const predictions = await classifier.classify([
      '',
      'just words nobody trained on',
      ...TINY_HELD_OUT.map((e) => e.text),
    ]);
    expect(classifier.model).toBe(report.model);
    expect(classifier.model).toMatch(/^tiny-text-classifier@0\.0\.0\+[0-9a-f]{12}$/);
    for (const prediction of predictions) {
      for (const label of RISK_LABELS) {
        expect(prediction.scores[label]).toBeGreaterThanOrEqual(0);
        expect(prediction.scores[label]).toBeLessThanOrEqual(1);
      }
      expect(prediction.evidence).toEqual([]);
      expect(prediction.thresholds).toEqual({
        set: 'tiny-text-classifier@config',
        fraud: 0.5,
        drugs: 0.5,
        terrorism: 0.5,
      });
      assertValid('label.v1', { schema: 'label.v1', ...prediction });
    }
    expect(await classifier.classify([])).toEqual([]);
  });

  it('gives the same scores whatever the batch size (padding is masked out)', async () => {
    const texts = TINY_HELD_OUT.map((e) => e.text);
    const small = await createTransformersClassifier({ modelDir, batchSize: 2 });
    try {
      expect(await small.classify(texts)).toEqual(await classifier.classify(texts));
    } finally {
      await small.close();
    }
  });

  it('agrees with transformers.js own text-classification pipeline on the same directory', async () => {
    useOfflineTransformersEnv();
    const classify = await pipeline('text-classification', modelDir, {
      local_files_only: true,
      dtype: 'fp32',
    });
    try {
      const text = TINY_HELD_OUT[0]!.text;
      const [ours] = await classifier.classify([text]);
      const theirs = (await classify(text, { top_k: null })) as { label: string; score: number }[];
      expect(theirs.map((t) => t.label).sort()).toEqual(['drugs', 'fraud', 'terrorism']);
      for (const { label, score } of theirs) {
        expect(ours!.scores[label as 'fraud' | 'drugs' | 'terrorism']).toBeCloseTo(score, 5);
      }
    } finally {
      await classify.dispose();
    }
  });

  it('learned from the labels: swapping drug and fraud labels in training swaps the predictions', async () => {
    const swapped = TINY_TRAINING_EXAMPLES.map((e) => ({
      text: e.text,
      labels: e.labels.map((l) => (l === 'drugs' ? 'fraud' : l === 'fraud' ? 'drugs' : l)),
    }));
    const outDir = join(root, 'swapped');
    await buildTinyTextClassifier({ examples: swapped, labels: LABELS, outDir, seed: 42 });
    const wrong = await createTransformersClassifier({ modelDir: outDir });
    try {
      const [drugOffer] = await wrong.classify([TINY_HELD_OUT[0]!.text]);
      expect(drugOffer!.labels).toEqual(['fraud']);
    } finally {
      await wrong.close();
    }
  });

  it('close() is idempotent and later classify() calls fail clearly', async () => {
    const extra = await createTransformersClassifier({ modelDir });
    const first = extra.close();
    expect(extra.close()).toBe(first);
    await first;
    await expect(extra.classify(['hi'])).rejects.toThrow(/is closed/);
  });
});

describe('label mapping with tgrisk-labels.json', () => {
  let renamedDir: string;

  beforeAll(async () => {
    // The model's own labels are not ours: scam -> fraud, narcotics -> drugs, chatter ignored.
    const rename: Record<string, string> = { fraud: 'scam', drugs: 'narcotics' };
    renamedDir = join(root, 'renamed');
    await buildTinyTextClassifier({
      examples: TINY_TRAINING_EXAMPLES.map((e) => ({
        text: e.text,
        labels: e.labels.length === 0 ? ['chatter'] : e.labels.map((l) => rename[l] ?? l),
      })),
      labels: ['scam', 'narcotics', 'chatter'],
      outDir: renamedDir,
      seed: 42,
    });
  });

  it('renames and ignores model labels and takes thresholds, name and version from the file', async () => {
    await writeFile(
      join(renamedDir, 'tgrisk-labels.json'),
      JSON.stringify({
        map: { scam: 'fraud', narcotics: 'drugs', chatter: null },
        thresholds: { fraud: 0.4 },
        multi_label: true,
        name: 'renamed-risk',
        version: '2.0.0',
      }),
    );
    const renamed = await createTransformersClassifier({ modelDir: renamedDir });
    try {
      expect(renamed.model).toBe('renamed-risk@2.0.0');
      const predictions = await renamed.classify(TINY_HELD_OUT.map((e) => e.text));
      expect(predictions.map((p) => p.labels)).toEqual(TINY_HELD_OUT.map((e) => e.labels));
      for (const p of predictions) {
        expect(p.scores.terrorism).toBe(0); // nothing maps to terrorism
        expect(p.thresholds).toEqual({ set: 'renamed-risk@config', fraud: 0.4, drugs: 0.5, terrorism: 0.5 });
        assertValid('label.v1', { schema: 'label.v1', ...p });
      }
    } finally {
      await renamed.close();
    }
  });

  it('refuses a model whose labels are not ours when there is no label file', async () => {
    const bare = join(root, 'renamed-bare');
    await cp(renamedDir, bare, { recursive: true });
    await rm(join(bare, 'tgrisk-labels.json'));
    const attempt = createTransformersClassifier({ modelDir: bare });
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(
      /no model label is named fraud, drugs or terrorism \(model labels: scam, narcotics, chatter\)/,
    );
  });

  it('rejects an invalid label map, naming the file', async () => {
    const bad = join(root, 'renamed-bad-map');
    await cp(renamedDir, bad, { recursive: true });
    await writeFile(
      join(bad, 'tgrisk-labels.json'),
      JSON.stringify({ map: { scam: 'weapons', narcotics: 'drugs', chatter: null } }),
    );
    await expect(createTransformersClassifier({ modelDir: bad })).rejects.toThrow(
      `${join(bad, 'tgrisk-labels.json')}: "map"."scam" must be fraud, drugs, terrorism or null, got "weapons"`,
    );
  });
});

describe('errors and offline loading', () => {
  it('names a missing directory', async () => {
    const missing = join(root, 'no-such-model');
    const attempt = createTransformersClassifier({ modelDir: missing });
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(`Model directory ${missing} does not exist`);
  });

  it('names the missing tokenizer.json instead of trying to download it', async () => {
    const partial = join(root, 'no-tokenizer');
    await cp(modelDir, partial, { recursive: true });
    await rm(join(partial, 'tokenizer.json'));
    await expect(createTransformersClassifier({ modelDir: partial })).rejects.toThrow(
      `Model directory ${partial} is missing tokenizer.json.`,
    );
  });

  it('names a broken config.json', async () => {
    const broken = join(root, 'broken-config');
    await cp(modelDir, broken, { recursive: true });
    await writeFile(join(broken, 'config.json'), '{"model_type": "bert",');
    await expect(createTransformersClassifier({ modelDir: broken })).rejects.toThrow(
      `${join(broken, 'config.json')} is not valid JSON`,
    );
  });

  it('never touches the network: transformers.js itself fails on missing files without fetching', async () => {
    const partial = join(root, 'no-tokenizer-direct');
    await cp(modelDir, partial, { recursive: true });
    await rm(join(partial, 'tokenizer.json'));
    useOfflineTransformersEnv();
    const guard = env.fetch;
    const fetched: string[] = [];
    env.fetch = (input, init) => {
      fetched.push(String(input));
      return guard(input, init);
    };
    try {
      await expect(AutoTokenizer.from_pretrained(partial, { local_files_only: true })).rejects.toThrow(
        /file was not found locally at ".*no-tokenizer-direct\/tokenizer.json"/,
      );
      // A Hub-style id that is not on disk: with remote loading off this must fail, not download.
      await expect(
        AutoModelForSequenceClassification.from_pretrained('tg-risk/not-on-this-machine'),
      ).rejects.toThrow(/not found locally/);
      expect(fetched).toEqual([]);
    } finally {
      env.fetch = guard;
    }
  });
});
