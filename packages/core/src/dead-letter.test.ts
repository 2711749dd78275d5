import { describe, expect, it } from 'vitest';
import { assertValid } from '@tg-risk/schemas';
import { DEAD_LETTER_RAW_LIMIT, makeDeadLetter } from './dead-letter.ts';
import { PoisonRecordError } from './errors.ts';

const at = new Date('2025-01-01T00:00:00Z');

describe('makeDeadLetter', () => {
  it('keeps UTF-8 raw text, the error code and where it failed, as a valid dead-letter.v1', () => {
    const dl = makeDeadLetter(
      '{"a":',
      new PoisonRecordError('RECORD_NOT_JSON', 'bad json'),
      'decode',
      { topic: 't', partition: 1, offset: '9' },
      at,
    );
    expect(assertValid('dead-letter.v1', dl)).toEqual({
      schema: 'dead-letter.v1',
      raw: '{"a":',
      raw_encoding: 'utf8',
      error: { code: 'RECORD_NOT_JSON', message: 'bad json' },
      stage: 'decode',
      where: { topic: 't', partition: 1, offset: '9' },
      failed_at: '2025-01-01T00:00:00.000Z',
    });
  });

  it('keeps invalid UTF-8 as base64 and truncates huge records, saying so', () => {
    expect(makeDeadLetter(Buffer.from([0xc3, 0x28]), new Error('x'), 'decode', {}, at)).toMatchObject({
      raw: Buffer.from([0xc3, 0x28]).toString('base64'),
      raw_encoding: 'base64',
    });
    const huge = makeDeadLetter('a'.repeat(DEAD_LETTER_RAW_LIMIT + 10), new Error('x'), 'decode', {}, at);
    expect(huge.raw).toHaveLength(DEAD_LETTER_RAW_LIMIT);
    expect(huge.raw_truncated).toBe(true);
  });

  it('derives a code from plain errors and thrown non-errors', () => {
    expect(makeDeadLetter('x', new TypeError('boom'), 'classify', {}, at).error).toEqual({
      code: 'TYPE_ERROR',
      message: 'boom',
    });
    expect(makeDeadLetter('x', 'just a string', 'classify', {}, at).error).toEqual({
      code: 'UNKNOWN',
      message: 'just a string',
    });
  });
});
