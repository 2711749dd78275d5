/**
 * The embedding-bag classifier as an ONNX graph with the interface transformers.js feeds a
 * sequence classifier: input_ids and attention_mask [batch, sequence] int64 in, logits
 * [batch, num_labels] out. Padding is excluded by the mask, so batching never changes a score.
 */
import {
  attr,
  buildModel,
  node,
  tensorFloat,
  tensorInt64,
  TensorDataType,
  valueInfo,
  type OnnxGraph,
} from '../onnx/index.ts';
import type { EmbeddingBagWeights } from './embedding-bag.ts';

const { FLOAT, INT64 } = TensorDataType;

/** The graph: Gather -> masked mean over the sequence -> MatMul + Add. */
export function embeddingBagGraph(weights: EmbeddingBagWeights): OnnxGraph {
  const { vocabSize, dim, numLabels } = weights;
  return {
    name: 'embedding_bag_classifier',
    nodes: [
      node('Gather', ['embeddings', 'input_ids'], ['token_vectors'], {}, 'embed_tokens'),
      node('Cast', ['attention_mask'], ['mask'], { to: attr.int(FLOAT) }, 'mask_to_float'),
      node('Unsqueeze', ['mask', 'last_axis'], ['mask_column'], {}, 'mask_per_dimension'),
      node('Mul', ['token_vectors', 'mask_column'], ['masked_vectors'], {}, 'drop_padding'),
      node(
        'ReduceSum',
        ['masked_vectors', 'sequence_axis'],
        ['vector_sum'],
        { keepdims: attr.int(0) },
        'sum_tokens',
      ),
      node(
        'ReduceSum',
        ['mask', 'sequence_axis'],
        ['token_count'],
        { keepdims: attr.int(1) },
        'count_tokens',
      ),
      // max(count, 1) keeps an all-padding row finite (the bias alone) instead of 0/0 = NaN.
      node('Max', ['token_count', 'one'], ['safe_count'], {}, 'at_least_one'),
      node('Div', ['vector_sum', 'safe_count'], ['pooled'], {}, 'mean_tokens'),
      node('MatMul', ['pooled', 'classifier.weight'], ['scores'], {}, 'classify'),
      node('Add', ['scores', 'classifier.bias'], ['logits'], {}, 'add_bias'),
    ],
    initializers: [
      tensorFloat('embeddings', [vocabSize, dim], weights.embeddings),
      tensorFloat('classifier.weight', [dim, numLabels], weights.weight),
      tensorFloat('classifier.bias', [numLabels], weights.bias),
      tensorInt64('sequence_axis', [1], BigInt64Array.from([1n])),
      tensorInt64('last_axis', [1], BigInt64Array.from([2n])),
      tensorFloat('one', [], Float32Array.from([1])),
    ],
    inputs: [
      valueInfo('input_ids', INT64, ['batch_size', 'sequence_length']),
      valueInfo('attention_mask', INT64, ['batch_size', 'sequence_length']),
    ],
    outputs: [valueInfo('logits', FLOAT, ['batch_size', numLabels])],
  };
}

/** The ONNX model bytes; `metadata` lands in metadata_props (sorted, so deterministic). */
export function embeddingBagModel(
  weights: EmbeddingBagWeights,
  metadata: Record<string, string>,
): Uint8Array {
  return buildModel({
    graph: embeddingBagGraph(weights),
    producer: { name: 'tg-risk', version: 'embedding-bag-1' },
    metadata,
  });
}

/** Reads the weights back from initializers of a model this module wrote (e.g. to inspect or fine-tune). */
export function weightsFromInitializers(
  initializers: Map<string, { dims: number[]; data: Float32Array | BigInt64Array | Int32Array }>,
): EmbeddingBagWeights {
  const floats = (name: string): { dims: number[]; data: Float32Array } => {
    const tensor = initializers.get(name);
    if (!tensor || !(tensor.data instanceof Float32Array)) {
      throw new RangeError(`Not an embedding-bag model: no float initializer "${name}"`);
    }
    return { dims: tensor.dims, data: tensor.data };
  };
  const embeddings = floats('embeddings');
  const weight = floats('classifier.weight');
  const bias = floats('classifier.bias');
  return {
    vocabSize: embeddings.dims[0] ?? 0,
    dim: embeddings.dims[1] ?? 0,
    numLabels: weight.dims[1] ?? 0,
    embeddings: embeddings.data,
    weight: weight.data,
    bias: bias.data,
  };
}
