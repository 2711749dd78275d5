/**
 * The default model's ONNX graph: a sparse linear layer over hashed features (an embedding bag
 * with one row per bucket), Platt scaling per label, sigmoid.
 *   feature_ids [batch, width] int64, feature_values [batch, width] float
 *   logits = sum_j W[ids[:, j]] * values[:, j] + bias;  probabilities = sigmoid(a * logits + b)
 * Padding uses bucket 0, whose weights are zero.
 */
import {
  attr,
  buildModel,
  node,
  tensorFloat,
  tensorInt64,
  TensorDataType,
  valueInfo,
} from '../onnx/index.ts';

export interface RiskGraphParameters {
  weights: Float32Array;
  bias: Float32Array;
  buckets: number;
  labels: number;
  plattA: Float32Array;
  plattB: Float32Array;
  metadata: Record<string, string>;
}

/** Builds the model bytes; deterministic for the same parameters. */
export function buildRiskGraph(p: RiskGraphParameters): Uint8Array {
  return buildModel({
    producer: { name: 'tg-risk', version: '1' },
    metadata: p.metadata,
    graph: {
      name: 'tgrisk_risk_linear',
      inputs: [
        valueInfo('feature_ids', TensorDataType.INT64, ['batch', 'width']),
        valueInfo('feature_values', TensorDataType.FLOAT, ['batch', 'width']),
      ],
      outputs: [
        valueInfo('logits', TensorDataType.FLOAT, ['batch', p.labels]),
        valueInfo('probabilities', TensorDataType.FLOAT, ['batch', p.labels]),
      ],
      initializers: [
        tensorFloat('weights', [p.buckets, p.labels], p.weights),
        tensorFloat('bias', [p.labels], p.bias),
        tensorFloat('platt_a', [p.labels], p.plattA),
        tensorFloat('platt_b', [p.labels], p.plattB),
        tensorInt64('axis_2', [1], BigInt64Array.from([2n])),
        tensorInt64('axis_1', [1], BigInt64Array.from([1n])),
      ],
      nodes: [
        node('Gather', ['weights', 'feature_ids'], ['gathered'], { axis: attr.int(0) }),
        node('Unsqueeze', ['feature_values', 'axis_2'], ['values_3d']),
        node('Mul', ['gathered', 'values_3d'], ['weighted']),
        node('ReduceSum', ['weighted', 'axis_1'], ['summed'], { keepdims: attr.int(0) }),
        node('Add', ['summed', 'bias'], ['logits']),
        node('Mul', ['logits', 'platt_a'], ['scaled']),
        node('Add', ['scaled', 'platt_b'], ['calibrated']),
        node('Sigmoid', ['calibrated'], ['probabilities']),
      ],
    },
  });
}
