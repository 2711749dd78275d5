/**
 * Plain-data description of an ONNX graph (the subset of onnx.proto we write) and the helpers that
 * make its parts. Nothing here encodes bytes; see onnx-writer.ts.
 */

/** TensorProto.DataType values we use (onnx.proto); STRING only for graph inputs/outputs. */
export const TensorDataType = Object.freeze({ FLOAT: 1, INT32: 6, INT64: 7, STRING: 8 });
export type TensorDataType = (typeof TensorDataType)[keyof typeof TensorDataType];

/** A constant tensor (initializer); data is row-major and stored as little-endian raw_data. */
export type OnnxTensor =
  | { name: string; dims: readonly number[]; dataType: typeof TensorDataType.FLOAT; data: Float32Array }
  | { name: string; dims: readonly number[]; dataType: typeof TensorDataType.INT32; data: Int32Array }
  | { name: string; dims: readonly number[]; dataType: typeof TensorDataType.INT64; data: BigInt64Array };

/** An attribute value; the kind picks AttributeProto's type and field. */
export type OnnxAttribute =
  | { kind: 'int'; value: number | bigint }
  | { kind: 'float'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'ints'; value: readonly (number | bigint)[] }
  | { kind: 'floats'; value: readonly number[] };

export interface OnnxNode {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  /** Written sorted by name, so the object's key order never changes the bytes. */
  attributes: Readonly<Record<string, OnnxAttribute>>;
  /** Defaults to `<opType>_<index>` when the model is built. */
  name?: string;
}

/** A graph input or output: element type and shape, where a string dim is symbolic (e.g. "batch"). */
export interface OnnxValueInfo {
  name: string;
  elemType: TensorDataType;
  dims: readonly (number | string)[];
}

export interface OnnxGraph {
  name: string;
  /** In topological order: every input is a graph input, an initializer or an earlier node's output. */
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
}

/** A float32 initializer. */
export function tensorFloat(name: string, dims: readonly number[], data: Float32Array): OnnxTensor {
  checkElementCount(name, dims, data.length);
  return { name, dims: [...dims], dataType: TensorDataType.FLOAT, data };
}

/** An int64 initializer. */
export function tensorInt64(name: string, dims: readonly number[], data: BigInt64Array): OnnxTensor {
  checkElementCount(name, dims, data.length);
  return { name, dims: [...dims], dataType: TensorDataType.INT64, data };
}

/** An int32 initializer. */
export function tensorInt32(name: string, dims: readonly number[], data: Int32Array): OnnxTensor {
  checkElementCount(name, dims, data.length);
  return { name, dims: [...dims], dataType: TensorDataType.INT32, data };
}

/** A node of the default (ai.onnx) domain. */
export function node(
  opType: string,
  inputs: readonly string[],
  outputs: readonly string[],
  attributes: Readonly<Record<string, OnnxAttribute>> = {},
  name?: string,
): OnnxNode {
  return name === undefined
    ? { opType, inputs, outputs, attributes }
    : { opType, inputs, outputs, attributes, name };
}

/** A graph input/output description. */
export function valueInfo(
  name: string,
  elemType: TensorDataType,
  dims: readonly (number | string)[],
): OnnxValueInfo {
  for (const dim of dims) {
    if (typeof dim === 'number' && (!Number.isSafeInteger(dim) || dim < 0)) {
      throw new RangeError(`Value "${name}" has an invalid dimension ${dim}`);
    }
    if (typeof dim === 'string' && dim.length === 0) {
      throw new RangeError(`Value "${name}" has an empty symbolic dimension name`);
    }
  }
  return { name, elemType, dims: [...dims] };
}

/** Attribute helpers, named after AttributeProto's types. */
export const attr = Object.freeze({
  int: (value: number | bigint): OnnxAttribute => ({ kind: 'int', value }),
  float: (value: number): OnnxAttribute => ({ kind: 'float', value }),
  string: (value: string): OnnxAttribute => ({ kind: 'string', value }),
  ints: (value: readonly (number | bigint)[]): OnnxAttribute => ({ kind: 'ints', value: [...value] }),
  floats: (value: readonly number[]): OnnxAttribute => ({ kind: 'floats', value: [...value] }),
});

function checkElementCount(name: string, dims: readonly number[], length: number): void {
  for (const dim of dims) {
    if (!Number.isSafeInteger(dim) || dim < 0)
      throw new RangeError(`Tensor "${name}" has an invalid dimension ${dim}`);
  }
  const expected = dims.reduce((product, dim) => product * dim, 1);
  if (expected !== length) {
    throw new RangeError(
      `Tensor "${name}" has dims [${dims.join(', ')}] (${expected} values) but ${length} values`,
    );
  }
}
