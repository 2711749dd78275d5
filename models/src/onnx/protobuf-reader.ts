/**
 * A minimal protobuf wire-format reader: walks one message's fields and hands each to the caller,
 * skipping what it does not ask about. Enough to find tensors in an ONNX file without a schema.
 */
import { OnnxFormatError } from './errors.ts';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_FIXED32 = 5;

/** One field as read from the wire; `value` is a bigint for varints, bytes for everything else. */
export type ProtoField =
  | { field: number; wireType: typeof WIRE_VARINT; value: bigint }
  | { field: number; wireType: typeof WIRE_FIXED64 | typeof WIRE_FIXED32; value: Uint8Array }
  | { field: number; wireType: typeof WIRE_LENGTH_DELIMITED; value: Uint8Array };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads every top-level field of one encoded message, in wire order. */
export function readFields(bytes: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const [key, afterKey] = readVarint(bytes, offset);
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (field < 1) throw new OnnxFormatError(`invalid field number ${field} at byte ${offset}`);
    offset = afterKey;
    switch (wireType) {
      case WIRE_VARINT: {
        const [value, next] = readVarint(bytes, offset);
        fields.push({ field, wireType, value });
        offset = next;
        break;
      }
      case WIRE_FIXED64:
      case WIRE_FIXED32: {
        const width = wireType === WIRE_FIXED64 ? 8 : 4;
        fields.push({ field, wireType, value: slice(bytes, offset, width) });
        offset += width;
        break;
      }
      case WIRE_LENGTH_DELIMITED: {
        const [length, next] = readVarint(bytes, offset);
        const value = slice(bytes, next, Number(length));
        fields.push({ field, wireType, value });
        offset = next + value.length;
        break;
      }
      default:
        // Groups (3, 4) were never used by onnx.proto; anything else means the bytes are not protobuf.
        throw new OnnxFormatError(`unsupported protobuf wire type ${wireType} at byte ${offset}`);
    }
  }
  return fields;
}

/** Reads a base-128 varint at `offset`; returns the value (as unsigned 64-bit) and the next offset. */
export function readVarint(bytes: Uint8Array, offset: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (let i = offset; i < bytes.length && i < offset + 10; i++) {
    const byte = bytes[i]!;
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [BigInt.asUintN(64, result), i + 1];
    shift += 7n;
  }
  throw new OnnxFormatError(`truncated or overlong varint at byte ${offset}`);
}

/** Decodes a length-delimited field as UTF-8 text. */
export function fieldText(field: ProtoField): string {
  if (field.wireType !== WIRE_LENGTH_DELIMITED) {
    throw new OnnxFormatError(`field ${field.field} should be a string but has wire type ${field.wireType}`);
  }
  return utf8.decode(field.value);
}

/** The values of a repeated varint field, whether written packed (one blob) or one tag per value. */
export function fieldVarints(field: ProtoField): bigint[] {
  if (field.wireType === WIRE_VARINT) return [field.value];
  if (field.wireType !== WIRE_LENGTH_DELIMITED) {
    throw new OnnxFormatError(`field ${field.field} should hold varints but has wire type ${field.wireType}`);
  }
  const values: bigint[] = [];
  let offset = 0;
  while (offset < field.value.length) {
    const [value, next] = readVarint(field.value, offset);
    values.push(value);
    offset = next;
  }
  return values;
}

/** The bytes of a repeated fixed-width field (packed or not), concatenated in order. */
export function fieldFixedBytes(field: ProtoField, width: 4 | 8): Uint8Array {
  const expected = width === 4 ? WIRE_FIXED32 : WIRE_FIXED64;
  if (field.wireType === expected || field.wireType === WIRE_LENGTH_DELIMITED) {
    if (field.value.length % width !== 0) {
      throw new OnnxFormatError(
        `field ${field.field} has ${field.value.length} bytes, not a multiple of ${width}`,
      );
    }
    return field.value;
  }
  throw new OnnxFormatError(
    `field ${field.field} should hold ${width}-byte values but has wire type ${field.wireType}`,
  );
}

function slice(bytes: Uint8Array, offset: number, length: number): Uint8Array {
  if (offset + length > bytes.length) {
    throw new OnnxFormatError(
      `field at byte ${offset} runs ${offset + length - bytes.length} bytes past the end`,
    );
  }
  return bytes.subarray(offset, offset + length);
}
