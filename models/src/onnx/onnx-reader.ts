/**
 * Reads back what onnx-writer.ts writes: a graph's initializers (weights) and the model's metadata.
 * Decodes only the fields on the path ModelProto.graph -> GraphProto.initializer -> TensorProto;
 * everything else is skipped unparsed.
 */
import { OnnxFormatError } from './errors.ts';
import {
  fieldFixedBytes,
  fieldText,
  fieldVarints,
  readFields,
  WIRE_LENGTH_DELIMITED,
  type ProtoField,
} from './protobuf-reader.ts';
import { TensorDataType } from './onnx-graph.ts';

/** A decoded initializer. */
export interface InitializerValue {
  dims: number[];
  data: Float32Array | BigInt64Array | Int32Array;
}

/** The initializers of a model's main graph, by name, in file order. */
export function readInitializers(bytes: Uint8Array): Map<string, InitializerValue> {
  const graphField = readFields(bytes).find((f) => f.field === 7);
  if (!graphField) throw new OnnxFormatError('the model has no graph (ModelProto field 7)');
  const out = new Map<string, InitializerValue>();
  for (const field of readFields(messageBytes(graphField))) {
    if (field.field !== 5) continue;
    const { name, value } = readTensor(messageBytes(field));
    if (out.has(name)) throw new OnnxFormatError(`initializer "${name}" appears twice`);
    out.set(name, value);
  }
  return out;
}

/** ModelProto.metadata_props as a plain object (later duplicates win). */
export function readMetadata(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of readFields(bytes)) {
    if (field.field !== 14) continue;
    let key = '';
    let value = '';
    for (const entry of readFields(messageBytes(field))) {
      if (entry.field === 1) key = fieldText(entry);
      if (entry.field === 2) value = fieldText(entry);
    }
    out[key] = value;
  }
  return out;
}

function readTensor(bytes: Uint8Array): { name: string; value: InitializerValue } {
  const dims: number[] = [];
  let dataType = 0;
  let name = '';
  let raw: Uint8Array | null = null;
  const floatChunks: Uint8Array[] = [];
  const int32Values: bigint[] = [];
  const int64Values: bigint[] = [];
  for (const field of readFields(bytes)) {
    switch (field.field) {
      case 1:
        for (const dim of fieldVarints(field)) dims.push(toSafeNumber(BigInt.asIntN(64, dim), 'dimension'));
        break;
      case 2:
        dataType = toSafeNumber(fieldVarints(field)[0] ?? 0n, 'data_type');
        break;
      case 4:
        floatChunks.push(fieldFixedBytes(field, 4));
        break;
      case 5:
        int32Values.push(...fieldVarints(field));
        break;
      case 7:
        int64Values.push(...fieldVarints(field));
        break;
      case 8:
        name = fieldText(field);
        break;
      case 9:
        raw = messageBytes(field);
        break;
      case 13:
      case 14:
        throw new OnnxFormatError(
          `initializer "${name}" keeps its data in an external file, which is not supported`,
        );
    }
  }
  const count = dims.reduce((product, dim) => product * dim, 1);
  const data = decodeData(name, dataType, raw, concat(floatChunks), int32Values, int64Values);
  if (data.length !== count) {
    throw new OnnxFormatError(
      `initializer "${name}" has dims [${dims.join(', ')}] but ${data.length} values`,
    );
  }
  return { name, value: { dims, data } };
}

function decodeData(
  name: string,
  dataType: number,
  raw: Uint8Array | null,
  floatBytes: Uint8Array,
  int32Values: bigint[],
  int64Values: bigint[],
): Float32Array | BigInt64Array | Int32Array {
  switch (dataType) {
    case TensorDataType.FLOAT: {
      const bytes = raw ?? floatBytes;
      const view = dataView(bytes, 4, name);
      return Float32Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
    }
    case TensorDataType.INT32: {
      if (raw === null) return Int32Array.from(int32Values, (v) => Number(BigInt.asIntN(32, v)));
      const view = dataView(raw, 4, name);
      return Int32Array.from({ length: raw.length / 4 }, (_, i) => view.getInt32(i * 4, true));
    }
    case TensorDataType.INT64: {
      if (raw === null) return BigInt64Array.from(int64Values, (v) => BigInt.asIntN(64, v));
      const view = dataView(raw, 8, name);
      return BigInt64Array.from({ length: raw.length / 8 }, (_, i) => view.getBigInt64(i * 8, true));
    }
    default:
      throw new OnnxFormatError(
        `initializer "${name}" has data type ${dataType}; only FLOAT, INT32 and INT64 are read`,
      );
  }
}

function dataView(bytes: Uint8Array, width: number, name: string): DataView {
  if (bytes.length % width !== 0) throw new OnnxFormatError(`initializer "${name}" has a truncated raw_data`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function messageBytes(field: ProtoField): Uint8Array {
  if (field.wireType !== WIRE_LENGTH_DELIMITED) {
    throw new OnnxFormatError(
      `field ${field.field} should be length-delimited but has wire type ${field.wireType}`,
    );
  }
  return field.value;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new OnnxFormatError(`invalid ${what} ${value}`);
  return Number(value);
}
