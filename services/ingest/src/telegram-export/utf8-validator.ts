/**
 * Checks a byte stream block by block for well-formed UTF-8 (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF) and says where the first bad byte is. A decoder would turn bad
 * bytes into U+FFFD silently; a Telegram export is always UTF-8, so bad bytes mean a damaged file
 * and the importer stops there with the byte offset instead of passing altered text on.
 */
export class Utf8Validator {
  /** Continuation bytes still expected by the sequence in progress. */
  private needed = 0;
  /** Allowed range of the next continuation byte (narrowed after E0, ED, F0, F4). */
  private low = 0x80;
  private high = 0xbf;
  /** Stream offset of the first byte of the sequence in progress. */
  private sequenceStart = 0;
  private offset = 0;

  /** Validates the next block; returns the stream offset of the first bad byte, or -1. */
  push(block: Uint8Array): number {
    for (let i = 0; i < block.length; i++, this.offset++) {
      const byte = block[i]!;
      if (this.needed > 0) {
        if (byte < this.low || byte > this.high) return this.sequenceStart;
        this.low = 0x80;
        this.high = 0xbf;
        this.needed--;
        continue;
      }
      if (byte < 0x80) continue;
      this.sequenceStart = this.offset;
      if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        this.needed = 2;
        if (byte === 0xe0) this.low = 0xa0;
        if (byte === 0xed) this.high = 0x9f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        this.needed = 3;
        if (byte === 0xf0) this.low = 0x90;
        if (byte === 0xf4) this.high = 0x8f;
      } else return this.offset;
    }
    return -1;
  }

  /** At the end of the stream: the offset of an unfinished sequence, or -1. */
  end(): number {
    return this.needed > 0 ? this.sequenceStart : -1;
  }
}
