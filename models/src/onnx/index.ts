export {
  TensorDataType,
  attr,
  node,
  tensorFloat,
  tensorInt32,
  tensorInt64,
  valueInfo,
  type OnnxAttribute,
  type OnnxGraph,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValueInfo,
} from './onnx-graph.ts';
export { buildModel, DEFAULT_IR_VERSION, DEFAULT_OPSET, type BuildModelOptions } from './onnx-writer.ts';
export { readInitializers, readMetadata, type InitializerValue } from './onnx-reader.ts';
export { OnnxFormatError } from './errors.ts';
