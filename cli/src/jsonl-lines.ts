/**
 * Splits a byte stream into lines without trusting it: each line is decoded as strict UTF-8 on its
 * own, and a line longer than `maxLineBytes` is reported (and skipped to its end) without being
 * buffered, so one hostile line cannot exhaust memory or poison the lines around it.
 */
export type InputLine =
  | { line: number; kind: 'text'; text: string }
  | { line: number; kind: 'invalid_utf8' }
  | { line: number; kind: 'too_long'; bytes: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Yields the lines of `input` (1-based numbers), without their line breaks. */
export async function* readInputLines(
  input: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
): AsyncGenerator<InputLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;

  function finish(): InputLine {
    line++;
    const result: InputLine = tooLong
      ? { line, kind: 'too_long', bytes: size }
      : decode(line, Buffer.concat(parts, size));
    parts = [];
    size = 0;
    tooLong = false;
    return result;
  }

  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    while (start <= bytes.length) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline;
      const piece = bytes.subarray(start, end);
      size += piece.length;
      if (size > maxLineBytes) {
        tooLong = true;
        parts = [];
      } else if (piece.length > 0) {
        parts.push(piece);
      }
      if (newline === -1) break;
      yield finish();
      start = newline + 1;
    }
  }
  if (size > 0 || tooLong) yield finish();
}

function decode(line: number, bytes: Buffer): InputLine {
  const trimmed = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
  try {
    return { line, kind: 'text', text: strictUtf8.decode(trimmed) };
  } catch {
    return { line, kind: 'invalid_utf8' };
  }
}
