/**
 * A fastText-style embedding-bag classifier, trained in plain TypeScript: logits = W^T mean(E[ids]) + b
 * over the unmasked tokens, one sigmoid per label (multi-label binary cross-entropy), plain SGD with
 * fastText's linearly decaying learning rate (Joulin et al. 2017, "Bag of Tricks for Efficient Text
 * Classification"). Every random draw comes from one seeded PRNG, so training is reproducible.
 */

/** Trained weights, row-major: embeddings [vocabSize, dim], weight [dim, numLabels], bias [numLabels]. */
export interface EmbeddingBagWeights {
  vocabSize: number;
  dim: number;
  numLabels: number;
  embeddings: Float32Array;
  weight: Float32Array;
  bias: Float32Array;
}

/** One training example: token ids (special tokens included, no padding) and a 0/1 target per label. */
export interface BagExample {
  ids: readonly number[];
  targets: readonly number[];
}

export interface EmbeddingBagTrainingOptions {
  vocabSize: number;
  numLabels: number;
  seed: number;
  dim: number;
  epochs: number;
  /** Starting SGD step, decayed linearly to 0 over the run. */
  learningRate: number;
  /** Id whose embedding stays zero ([PAD]); it only ever appears masked out. */
  padId: number;
}

export interface EmbeddingBagTrainingResult {
  weights: EmbeddingBagWeights;
  /** Mean binary cross-entropy per epoch (per example and label). */
  epochLosses: number[];
}

/** mulberry32: a tiny 32-bit PRNG with good enough statistics for initialisation and shuffling. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trains the classifier; the result depends only on the examples (in order) and the options. */
export function trainEmbeddingBag(
  examples: readonly BagExample[],
  options: EmbeddingBagTrainingOptions,
): EmbeddingBagTrainingResult {
  const { vocabSize: V, dim: D, numLabels: L, epochs } = options;
  const random = mulberry32(options.seed);
  // fastText's initialisation: input vectors uniform in +-1/dim, output layer zero.
  const embeddings = new Float64Array(V * D);
  for (let i = 0; i < embeddings.length; i++) embeddings[i] = (random() * 2 - 1) / D;
  embeddings.fill(0, options.padId * D, options.padId * D + D);
  const weight = new Float64Array(D * L);
  const bias = new Float64Array(L);

  const order = examples.map((_, i) => i);
  const totalSteps = Math.max(1, epochs * examples.length);
  const hidden = new Float64Array(D);
  const gradHidden = new Float64Array(D);
  const gradLogit = new Float64Array(L);
  const epochLosses: number[] = [];
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    let loss = 0;
    for (const index of order) {
      const { ids, targets } = examples[index]!;
      const rate = options.learningRate * (1 - step / totalSteps);
      step++;
      meanEmbedding(embeddings, D, ids, hidden);
      for (let l = 0; l < L; l++) {
        let z = bias[l]!;
        for (let d = 0; d < D; d++) z += hidden[d]! * weight[d * L + l]!;
        const p = sigmoid(z);
        const y = targets[l]!;
        loss -= y * Math.log(Math.max(p, 1e-12)) + (1 - y) * Math.log(Math.max(1 - p, 1e-12));
        gradLogit[l] = p - y; // d(BCE)/dz for a sigmoid output
      }
      for (let d = 0; d < D; d++) {
        let sum = 0;
        for (let l = 0; l < L; l++) {
          const w = d * L + l;
          sum += weight[w]! * gradLogit[l]!; // uses the weight before this step's update
          weight[w] = weight[w]! - rate * hidden[d]! * gradLogit[l]!;
        }
        gradHidden[d] = sum;
      }
      for (let l = 0; l < L; l++) bias[l] = bias[l]! - rate * gradLogit[l]!;
      if (ids.length === 0) continue;
      // The mean spreads the hidden gradient evenly over the tokens (repeats count repeatedly).
      const share = rate / ids.length;
      for (const id of ids) {
        if (id === options.padId) continue;
        for (let d = 0; d < D; d++) embeddings[id * D + d] = embeddings[id * D + d]! - share * gradHidden[d]!;
      }
    }
    epochLosses.push(loss / Math.max(1, examples.length * L));
  }
  return {
    weights: {
      vocabSize: V,
      dim: D,
      numLabels: L,
      embeddings: Float32Array.from(embeddings),
      weight: Float32Array.from(weight),
      bias: Float32Array.from(bias),
    },
    epochLosses,
  };
}

/** The logits for one token sequence, computed as the ONNX graph does (float32 weights). */
export function embeddingBagLogits(weights: EmbeddingBagWeights, ids: readonly number[]): Float64Array {
  const { dim: D, numLabels: L } = weights;
  const hidden = new Float64Array(D);
  meanEmbedding(weights.embeddings, D, ids, hidden);
  const logits = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    let z = weights.bias[l]!;
    for (let d = 0; d < D; d++) z += hidden[d]! * weights.weight[d * L + l]!;
    logits[l] = z;
  }
  return logits;
}

function meanEmbedding(
  embeddings: ArrayLike<number>,
  D: number,
  ids: readonly number[],
  out: Float64Array,
): void {
  out.fill(0);
  for (const id of ids) for (let d = 0; d < D; d++) out[d] = out[d]! + embeddings[id * D + d]!;
  // The graph divides by max(count, 1); so do we, so an empty bag gives the bias alone.
  const count = Math.max(ids.length, 1);
  for (let d = 0; d < D; d++) out[d] = out[d]! / count;
}

/** Fisher-Yates with the shared PRNG: the example order per epoch follows from the seed. */
function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
