import { describe, expect, it } from 'vitest';
import { readInputLines, type InputLine } from './jsonl-lines.ts';

async function lines(chunks: Array<Buffer | string>, max = 100): Promise<InputLine[]> {
  const out: InputLine[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const l of readInputLines(source(), max)) out.push(l);
  return out;
}

describe('readInputLines', () => {
  it('splits across chunk boundaries, numbers lines from 1 and drops CR of CRLF', async () => {
    expect(await lines(['{"a":', '1}\r\n{"b"', ':2}\n', 'last'])).toEqual([
      { line: 1, kind: 'text', text: '{"a":1}' },
      { line: 2, kind: 'text', text: '{"b":2}' },
      { line: 3, kind: 'text', text: 'last' },
    ]);
  });

  it('keeps a UTF-8 character split between chunks intact', async () => {
    const bytes = Buffer.from('"Đá"\n');
    expect(await lines([bytes.subarray(0, 2), bytes.subarray(2)])).toEqual([
      { line: 1, kind: 'text', text: '"Đá"' },
    ]);
  });

  it('reports invalid UTF-8 and over-long lines on their own line, and goes on', async () => {
    const result = await lines([Buffer.from([0x61, 0xff, 0x0a]), 'x'.repeat(150), '\nok\n'], 100);
    expect(result).toEqual([
      { line: 1, kind: 'invalid_utf8' },
      { line: 2, kind: 'too_long', bytes: 150 },
      { line: 3, kind: 'text', text: 'ok' },
    ]);
  });
});
