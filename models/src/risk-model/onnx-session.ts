/** Runs the risk graph with onnxruntime-node on a batch of feature vectors. */
import ort from 'onnxruntime-node';
import type { MessageFeatures } from './features/extract-features.ts';

export interface RiskSession {
  /** Returns logits and probabilities, each [batch][labels] flattened row-major. */
  run(batch: readonly MessageFeatures[]): Promise<{ logits: Float32Array; probabilities: Float32Array }>;
  close(): Promise<void>;
}

/** Opens a session on model bytes. One intra-op thread keeps results identical run to run. */
export async function openRiskSession(
  modelBytes: Uint8Array,
  options: { threads?: number } = {},
): Promise<RiskSession> {
  const session = await ort.InferenceSession.create(modelBytes, {
    intraOpNumThreads: options.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  return {
    async run(batch) {
      const width = Math.max(1, ...batch.map((f) => f.ids.length));
      const ids = new BigInt64Array(batch.length * width);
      const values = new Float32Array(batch.length * width);
      batch.forEach((f, row) => {
        for (let j = 0; j < f.ids.length; j++) {
          ids[row * width + j] = BigInt(f.ids[j]!);
          values[row * width + j] = f.values[j]!;
        }
      });
      const out = await session.run({
        feature_ids: new ort.Tensor('int64', ids, [batch.length, width]),
        feature_values: new ort.Tensor('float32', values, [batch.length, width]),
      });
      return {
        logits: out.logits!.data as Float32Array,
        probabilities: out.probabilities!.data as Float32Array,
      };
    },
    close: () => session.release(),
  };
}
