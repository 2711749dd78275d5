/**
 * One-vs-rest logistic regression over hashed sparse features, trained with AdaGrad (Duchi, Hazan &
 * Singer 2011) and L2 regularisation. Deterministic: the example order comes from the seed, and the
 * arithmetic is the same on every run, so the same data and seed give the same weights bit for bit.
 */
import type { MessageFeatures } from '../features/extract-features.ts';
import { mulberry32, shuffledIndices } from '@tg-risk/core';

export interface LinearModel {
  /** Row-major [buckets][labels]. Row 0 (padding) stays zero. */
  weights: Float32Array;
  bias: Float32Array;
  buckets: number;
  labels: number;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weight of positive examples per label, to offset class imbalance (1 = none). */
  positiveWeight?: number[];
}

export interface TrainingExample {
  features: MessageFeatures;
  /** 0/1 per label. */
  targets: Uint8Array;
}

/** Trains the weights; returns a model whose logits are bias + x·W. */
export function trainLinear(
  examples: readonly TrainingExample[],
  buckets: number,
  labels: number,
  options: TrainOptions,
): LinearModel {
  // Accumulate in float64 for stable AdaGrad; store float32 (what the ONNX graph uses).
  const w = new Float64Array(buckets * labels);
  const g2 = new Float64Array(buckets * labels).fill(1e-8);
  const b = new Float64Array(labels);
  const bg2 = new Float64Array(labels).fill(1e-8);
  const random = mulberry32(options.seed);
  const pw = options.positiveWeight ?? new Array<number>(labels).fill(1);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = shuffledIndices(examples.length, random);
    for (const index of order) {
      const { features, targets } = examples[index]!;
      const { ids, values } = features;
      for (let k = 0; k < labels; k++) {
        let z = b[k]!;
        for (let i = 0; i < ids.length; i++) z += w[ids[i]! * labels + k]! * values[i]!;
        const p = 1 / (1 + Math.exp(-z));
        const y = targets[k]!;
        const scale = y === 1 ? pw[k]! : 1;
        const grad = (p - y) * scale;
        bg2[k] = bg2[k]! + grad * grad;
        b[k] = b[k]! - (options.learningRate * grad) / Math.sqrt(bg2[k]!);
        for (let i = 0; i < ids.length; i++) {
          const j = ids[i]! * labels + k;
          const gj = grad * values[i]! + options.l2 * w[j]!;
          g2[j] = g2[j]! + gj * gj;
          w[j] = w[j]! - (options.learningRate * gj) / Math.sqrt(g2[j]!);
        }
      }
    }
  }
  for (let k = 0; k < labels; k++) w[k] = 0;
  return { weights: Float32Array.from(w), bias: Float32Array.from(b), buckets, labels };
}

/** Raw scores (logits) of one example, computed the way the ONNX graph does (float32 weights). */
export function linearLogits(model: LinearModel, features: MessageFeatures): Float64Array {
  const out = new Float64Array(model.labels);
  for (let k = 0; k < model.labels; k++) {
    let z = 0;
    for (let i = 0; i < features.ids.length; i++)
      z += model.weights[features.ids[i]! * model.labels + k]! * features.values[i]!;
    out[k] = z + model.bias[k]!;
  }
  return out;
}
