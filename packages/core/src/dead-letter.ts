/** Builds dead-letter.v1 records: the raw input, why it failed and where, so nothing is lost silently. */
import type { DeadLetterV1 } from '@tg-risk/schemas';
import { describeError } from './errors.ts';

/** Dead letters keep at most this much of the raw record; larger ones are flagged as truncated. */
export const DEAD_LETTER_RAW_LIMIT = 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Wraps a failed record and its error into a dead-letter.v1 record. */
export function makeDeadLetter(
  raw: Buffer | string,
  error: unknown,
  stage: DeadLetterV1['stage'],
  where: DeadLetterV1['where'],
  now: Date,
): DeadLetterV1 {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const truncated = bytes.length > DEAD_LETTER_RAW_LIMIT;
  const kept = truncated ? bytes.subarray(0, DEAD_LETTER_RAW_LIMIT) : bytes;
  let text: string;
  let encoding: DeadLetterV1['raw_encoding'];
  try {
    // Cutting at the limit can split a UTF-8 sequence; such a record is kept as base64 instead.
    text = strictUtf8.decode(kept);
    encoding = 'utf8';
  } catch {
    text = kept.toString('base64');
    encoding = 'base64';
  }
  const { code, message } = describeError(error);
  return {
    schema: 'dead-letter.v1',
    raw: text,
    raw_encoding: encoding,
    ...(truncated ? { raw_truncated: true } : {}),
    error: { code: /^[A-Z][A-Z0-9_]*$/.test(code) ? code : 'UNKNOWN', message: message.slice(0, 8192) },
    stage,
    where,
    failed_at: now.toISOString(),
  };
}
