import { describe, expect, it } from 'vitest';
import { assertValid } from '@tg-risk/schemas';
import { checkClassifyLine, MAX_CLASSIFY_TEXT } from './classify-input.ts';

const text = (line: number, t: string) => checkClassifyLine({ line, kind: 'text', text: t });

function errorCode(result: ReturnType<typeof checkClassifyLine>): string {
  if (result.ok) throw new Error('expected an error');
  assertValid('classify-error.v1', result.error);
  return result.error.error.code;
}

describe('checkClassifyLine', () => {
  it('accepts {"text"} with an optional id and ignores extra fields', () => {
    expect(text(1, '{"text":"hi","id":7,"channel_id":"1"}')).toMatchObject({
      ok: true,
      line: 1,
      input: { text: 'hi', id: 7 },
    });
  });

  it('gives each bad line a stable code, its line number and the id when there is one', () => {
    expect(errorCode(text(1, 'nope'))).toBe('INPUT_NOT_JSON');
    expect(errorCode(text(2, '{"id":"x"}'))).toBe('INPUT_INVALID');
    expect(errorCode(text(3, '{"text":42}'))).toBe('INPUT_INVALID');
    expect(errorCode(text(4, '{"text":"   ","id":"e"}'))).toBe('TEXT_EMPTY');
    expect(errorCode(text(5, JSON.stringify({ text: 'a'.repeat(MAX_CLASSIFY_TEXT + 1) })))).toBe(
      'TEXT_TOO_LONG',
    );
    expect(errorCode(checkClassifyLine({ line: 6, kind: 'invalid_utf8' }))).toBe('INPUT_NOT_UTF8');
    expect(errorCode(checkClassifyLine({ line: 7, kind: 'too_long', bytes: 5_000_000 }))).toBe(
      'INPUT_TOO_LONG',
    );
    const empty = text(4, '{"text":"","id":"e"}');
    expect(empty.ok ? null : [empty.error.id, empty.error.line, empty.error.error.message]).toEqual([
      'e',
      4,
      'line 4: text is empty; nothing to classify',
    ]);
  });
});
