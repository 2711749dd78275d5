/**
 * Encodes an OnnxGraph as an ONNX ModelProto (onnx.proto, IR version 8, default-domain opset 17
 * unless told). Fields go out in field-number order, attributes and metadata sorted by key, and no
 * clock or environment is read: the same arguments always give byte-identical files.
 */
import { ProtoWriter } from './protobuf-writer.ts';
import {
  TensorDataType,
  type OnnxAttribute,
  type OnnxGraph,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValueInfo,
} from './onnx-graph.ts';

export const DEFAULT_IR_VERSION = 8;
export const DEFAULT_OPSET = 17;

export interface BuildModelOptions {
  graph: OnnxGraph;
  /** Version of the default (ai.onnx) operator set. Default 17. */
  opset?: number;
  /** ModelProto.ir_version. Default 8 (what opset 17 was released with). */
  irVersion?: number;
  /** ModelProto.producer_name/producer_version; omitted when absent. */
  producer?: { name: string; version: string };
  /** ModelProto.metadata_props, written sorted by key. */
  metadata?: Readonly<Record<string, string>>;
}

/** AttributeProto.AttributeType values (onnx.proto). */
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, floats: 6, ints: 7 } as const;

/** Builds the ONNX model bytes for a graph; throws on dangling names or duplicate definitions. */
export function buildModel(options: BuildModelOptions): Uint8Array {
  checkGraph(options.graph);
  const model = new ProtoWriter();
  model.varint(1, options.irVersion ?? DEFAULT_IR_VERSION);
  if (options.producer) model.string(2, options.producer.name).string(3, options.producer.version);
  model.message(7, encodeGraph(options.graph));
  model.message(8, new ProtoWriter().string(1, '').varint(2, options.opset ?? DEFAULT_OPSET));
  for (const [key, value] of sortedEntries(options.metadata ?? {})) {
    model.message(14, new ProtoWriter().string(1, key).string(2, value));
  }
  return model.finish();
}

function encodeGraph(graph: OnnxGraph): ProtoWriter {
  const out = new ProtoWriter();
  graph.nodes.forEach((n, index) => out.message(1, encodeNode(n, index)));
  out.string(2, graph.name);
  for (const tensor of graph.initializers) out.message(5, encodeTensor(tensor));
  for (const input of graph.inputs) out.message(11, encodeValueInfo(input));
  for (const output of graph.outputs) out.message(12, encodeValueInfo(output));
  return out;
}

function encodeNode(n: OnnxNode, index: number): ProtoWriter {
  const out = new ProtoWriter();
  for (const input of n.inputs) out.string(1, input);
  for (const output of n.outputs) out.string(2, output);
  out.string(3, n.name ?? `${n.opType}_${index}`);
  out.string(4, n.opType);
  for (const [name, value] of sortedEntries(n.attributes)) out.message(5, encodeAttribute(name, value));
  return out;
}

function encodeAttribute(name: string, attribute: OnnxAttribute): ProtoWriter {
  const out = new ProtoWriter().string(1, name);
  switch (attribute.kind) {
    case 'float':
      out.float(2, attribute.value);
      break;
    case 'int':
      out.varint(3, attribute.value);
      break;
    case 'string':
      out.string(4, attribute.value);
      break;
    // onnx.proto is proto2 without [packed=true] here, so each element carries its own tag.
    case 'floats':
      for (const value of attribute.value) out.float(7, value);
      break;
    case 'ints':
      for (const value of attribute.value) out.varint(8, value);
      break;
  }
  return out.varint(20, ATTRIBUTE_TYPE[attribute.kind]);
}

function encodeTensor(tensor: OnnxTensor): ProtoWriter {
  const out = new ProtoWriter();
  for (const dim of tensor.dims) out.varint(1, dim);
  out.varint(2, tensor.dataType);
  out.string(8, tensor.name);
  out.bytesField(9, rawLittleEndian(tensor));
  return out;
}

function encodeValueInfo(info: OnnxValueInfo): ProtoWriter {
  const shape = new ProtoWriter();
  for (const dim of info.dims) {
    const dimension = new ProtoWriter();
    if (typeof dim === 'number') dimension.varint(1, dim);
    else dimension.string(2, dim);
    shape.message(1, dimension);
  }
  const tensorType = new ProtoWriter().varint(1, info.elemType).message(2, shape);
  return new ProtoWriter().string(1, info.name).message(2, new ProtoWriter().message(1, tensorType));
}

/** raw_data must be little-endian whatever the host is (onnx.proto); DataView makes that explicit. */
function rawLittleEndian(tensor: OnnxTensor): Uint8Array {
  const width = tensor.dataType === TensorDataType.INT64 ? 8 : 4;
  const view = new DataView(new ArrayBuffer(tensor.data.length * width));
  for (let i = 0; i < tensor.data.length; i++) {
    switch (tensor.dataType) {
      case TensorDataType.FLOAT:
        view.setFloat32(i * 4, tensor.data[i]!, true);
        break;
      case TensorDataType.INT32:
        view.setInt32(i * 4, tensor.data[i]!, true);
        break;
      case TensorDataType.INT64:
        view.setBigInt64(i * 8, tensor.data[i]!, true);
        break;
    }
  }
  return new Uint8Array(view.buffer);
}

/** Catches wiring mistakes here, with names, rather than as an opaque onnxruntime load failure. */
function checkGraph(graph: OnnxGraph): void {
  const defined = new Set<string>();
  const define = (name: string, what: string): void => {
    if (name.length === 0) throw new RangeError(`Graph "${graph.name}": ${what} has an empty name`);
    if (defined.has(name))
      throw new RangeError(`Graph "${graph.name}": "${name}" is defined twice (${what})`);
    defined.add(name);
  };
  for (const input of graph.inputs) define(input.name, 'graph input');
  for (const tensor of graph.initializers) define(tensor.name, 'initializer');
  graph.nodes.forEach((n, index) => {
    for (const input of n.inputs) {
      // An empty name is how ONNX omits an optional input.
      if (input !== '' && !defined.has(input)) {
        throw new RangeError(
          `Graph "${graph.name}": node ${index} (${n.opType}) reads "${input}" before anything defines it`,
        );
      }
    }
    for (const output of n.outputs) define(output, `output of node ${index} (${n.opType})`);
  });
  for (const output of graph.outputs) {
    if (!defined.has(output.name))
      throw new RangeError(`Graph "${graph.name}": output "${output.name}" is never produced`);
  }
}

function sortedEntries<T>(record: Readonly<Record<string, T>>): [string, T][] {
  // Code-unit order, not localeCompare: the byte layout must not depend on the host's locale.
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
