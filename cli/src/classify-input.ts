/**
 * Checks one `tgrisk classify` input line. Any failure becomes a classify-error.v1 for that line, so
 * the stream goes on; the codes are stable for scripts.
 */
import { schemaIssues, type ClassifyErrorV1, type ClassifyInputV1 } from '@tg-risk/schemas';
import type { InputLine } from './jsonl-lines.ts';

/** Longest text classified: Telegram caps a message at 4096 characters; 64 Ki leaves room for joins. */
export const MAX_CLASSIFY_TEXT = 65_536;

export type CheckedLine =
  { ok: true; line: number; input: ClassifyInputV1 } | { ok: false; error: ClassifyErrorV1 };

/** Turns an input line into a classify input or an error object naming the line and the problem. */
export function checkClassifyLine(input: InputLine): CheckedLine {
  const fail = (code: string, message: string, id: ClassifyErrorV1['id'] = null): CheckedLine => ({
    ok: false,
    error: {
      schema: 'classify-error.v1',
      id,
      line: input.line,
      error: { code, message: `line ${input.line}: ${message}` },
    },
  });
  if (input.kind === 'invalid_utf8') return fail('INPUT_NOT_UTF8', 'not valid UTF-8');
  if (input.kind === 'too_long')
    return fail('INPUT_TOO_LONG', `line is ${input.bytes} bytes; the limit is 2 MiB`);
  let value: unknown;
  try {
    value = JSON.parse(input.text);
  } catch (error) {
    return fail('INPUT_NOT_JSON', `not JSON (${(error as Error).message})`);
  }
  const issues = schemaIssues('classify-input.v1', value);
  const id = idOf(value);
  if (issues.length > 0) {
    const detail = issues.map((i) => `${i.path || '(line)'} ${i.message}`).join('; ');
    return fail('INPUT_INVALID', `expected {"text": string, "id"?: string|number}: ${detail}`, id);
  }
  const parsed = value as ClassifyInputV1;
  if (parsed.text.trim().length === 0) return fail('TEXT_EMPTY', 'text is empty; nothing to classify', id);
  if (parsed.text.length > MAX_CLASSIFY_TEXT) {
    return fail(
      'TEXT_TOO_LONG',
      `text has ${parsed.text.length} characters; the limit is ${MAX_CLASSIFY_TEXT}`,
      id,
    );
  }
  return { ok: true, line: input.line, input: parsed };
}

function idOf(value: unknown): ClassifyErrorV1['id'] {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'id')) return null;
  const id = (value as { id: unknown }).id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id)) ? id : null;
}
