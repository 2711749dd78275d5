/**
 * A minimal protobuf wire-format writer: just the field kinds onnx.proto needs (varint, fixed32
 * float, length-delimited bytes/strings/messages). Output depends only on the calls made, so the
 * same calls always give the same bytes.
 */

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const utf8 = new TextEncoder();

/** Accumulates one message's fields in call order; callers write fields in field-number order. */
export class ProtoWriter {
  private readonly bytes: number[] = [];
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  /** An int32/int64/enum/bool field. Negative values take 10 bytes, as protobuf's two's complement. */
  varint(field: number, value: number | bigint): this {
    this.tag(field, WIRE_VARINT);
    this.rawVarint(toUint64(value));
    return this;
  }

  /** A `float` field (fixed32, little-endian IEEE 754). */
  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    const buffer = new DataView(new ArrayBuffer(4));
    buffer.setFloat32(0, value, true);
    for (let i = 0; i < 4; i++) this.bytes.push(buffer.getUint8(i));
    return this;
  }

  /** A `string` field, UTF-8 encoded. */
  string(field: number, value: string): this {
    return this.bytesField(field, utf8.encode(value));
  }

  /** A `bytes` field (also used for raw tensor data). */
  bytesField(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.rawVarint(BigInt(value.length));
    this.flushBytes();
    this.chunks.push(value);
    this.size += value.length;
    return this;
  }

  /** An embedded message field. */
  message(field: number, value: ProtoWriter): this {
    return this.bytesField(field, value.finish());
  }

  /** The encoded message. */
  finish(): Uint8Array {
    this.flushBytes();
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  private tag(field: number, wireType: number): void {
    if (!Number.isInteger(field) || field < 1) throw new RangeError(`Invalid protobuf field number ${field}`);
    this.rawVarint(BigInt(field) * 8n + BigInt(wireType));
  }

  private rawVarint(value: bigint): void {
    let rest = value;
    while (rest >= 0x80n) {
      this.bytes.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.bytes.push(Number(rest));
  }

  /** Small writes collect in a number[]; large byte fields are kept as separate chunks (no copy). */
  private flushBytes(): void {
    if (this.bytes.length === 0) return;
    this.chunks.push(Uint8Array.from(this.bytes));
    this.size += this.bytes.length;
    this.bytes.length = 0;
  }
}

function toUint64(value: number | bigint): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`Protobuf varint needs an integer, got ${value}`);
  }
  const big = BigInt(value);
  if (big < -(2n ** 63n) || big >= 2n ** 64n) throw new RangeError(`Protobuf varint out of range: ${big}`);
  return BigInt.asUintN(64, big);
}
