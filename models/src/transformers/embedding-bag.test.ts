import { describe, expect, it } from 'vitest';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { readInitializers } from '../onnx/index.ts';
import { embeddingBagLogits, mulberry32, trainEmbeddingBag, type BagExample } from './embedding-bag.ts';
import { embeddingBagModel, weightsFromInitializers } from './embedding-bag-onnx.ts';

/** Token 5 means label 0, token 6 label 1; 7-9 are noise; 2/3 stand for [CLS]/[SEP]. */
const TOY: BagExample[] = [
  { ids: [2, 5, 7, 3], targets: [1, 0] },
  { ids: [2, 8, 5, 5, 3], targets: [1, 0] },
  { ids: [2, 6, 9, 3], targets: [0, 1] },
  { ids: [2, 7, 6, 3], targets: [0, 1] },
  { ids: [2, 5, 6, 3], targets: [1, 1] },
  { ids: [2, 7, 8, 9, 3], targets: [0, 0] },
];
const OPTIONS = { vocabSize: 10, numLabels: 2, seed: 7, dim: 4, epochs: 60, learningRate: 0.5, padId: 0 };

describe('embedding-bag training', () => {
  it('learns a separable toy problem', () => {
    const { weights, epochLosses } = trainEmbeddingBag(TOY, OPTIONS);
    expect(epochLosses.at(-1)!).toBeLessThan(epochLosses[0]! / 4);
    for (const example of TOY) {
      const predicted = Array.from(embeddingBagLogits(weights, example.ids), (z) => (z > 0 ? 1 : 0));
      expect(predicted, `ids ${example.ids.join(' ')}`).toEqual(example.targets);
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = trainEmbeddingBag(TOY, OPTIONS).weights;
    const b = trainEmbeddingBag(TOY, OPTIONS).weights;
    const c = trainEmbeddingBag(TOY, { ...OPTIONS, seed: 8 }).weights;
    expect(b).toEqual(a);
    expect(c.embeddings).not.toEqual(a.embeddings);
    expect(a.embeddings.subarray(0, 4)).toEqual(new Float32Array(4)); // [PAD] stays zero
  });

  it('mulberry32 gives the same stream for the same seed, in [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});

describe('embedding-bag ONNX graph', () => {
  it('computes the same logits as training, and padding does not change them', async () => {
    const { weights } = trainEmbeddingBag(TOY, OPTIONS);
    const session = await InferenceSession.create(embeddingBagModel(weights, {}));
    try {
      const rows = [
        [2, 5, 7, 3],
        [2, 6, 3],
        [2, 3],
      ];
      const width = 6;
      const ids = BigInt64Array.from(
        rows.flatMap((r) => [...r, ...Array(width - r.length).fill(0)].map(BigInt)),
      );
      const mask = BigInt64Array.from(
        rows.flatMap((r) => Array.from({ length: width }, (_, i) => (i < r.length ? 1n : 0n))),
      );
      const out = await session.run({
        input_ids: new Tensor('int64', ids, [rows.length, width]),
        attention_mask: new Tensor('int64', mask, [rows.length, width]),
      });
      expect(out.logits!.dims).toEqual([3, 2]);
      const logits = out.logits!.data as Float32Array;
      rows.forEach((row, r) => {
        const expected = embeddingBagLogits(weights, row);
        expected.forEach((z, l) => expect(logits[r * 2 + l]).toBeCloseTo(z, 5));
      });
    } finally {
      await session.release();
    }
  });

  it('writes weights that read back exactly, and the same weights give the same bytes', () => {
    const { weights } = trainEmbeddingBag(TOY, OPTIONS);
    const bytes = embeddingBagModel(weights, { 'tgrisk.seed': '7' });
    expect(weightsFromInitializers(readInitializers(bytes))).toEqual(weights);
    expect(Buffer.from(embeddingBagModel(weights, { 'tgrisk.seed': '7' })).equals(Buffer.from(bytes))).toBe(
      true,
    );
  });
});
