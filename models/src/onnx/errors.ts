import { TgRiskError } from '@tg-risk/core';

/** Bytes that are not a well-formed ONNX model (or use a part of the format this reader skips). */
export class OnnxFormatError extends TgRiskError {
  constructor(message: string, options: { cause?: unknown; file?: string } = {}) {
    super('ONNX_FORMAT', `Not a readable ONNX model: ${message}`, {
      retriable: false,
      cause: options.cause,
      context: options.file === undefined ? {} : { file: options.file },
    });
    this.name = 'OnnxFormatError';
  }
}
