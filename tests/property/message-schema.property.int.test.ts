/**
 * The classifier's boundary (decodeMessage: bytes -> message.v1) against generated bad records:
 * every one is refused with a PoisonRecordError whose code says which check failed and whose
 * message names the record's position, never with another exception, and none pollutes
 * Object.prototype. Runs 4,000 inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage } from '@tg-risk/classifier';
import { PoisonRecordError, sampleMessage } from '@tg-risk/core';
import { badRecordBytes, SEED } from './bad-inputs.ts';

const RUNS = 4000;
const CODES = ['RECORD_NOT_UTF8', 'RECORD_NOT_JSON', 'MESSAGE_INVALID'];

function record(bytes: Buffer, offset: number) {
  return { topic: 'tgrisk.messages.v1', partition: 2, offset: String(offset), key: '1001', value: bytes };
}

describe('message.v1 boundary against bad records', () => {
  it(`refuses ${RUNS} generated bad records, each with a code and its position`, () => {
    let refused = 0;
    fc.assert(
      fc.property(badRecordBytes, fc.nat(1_000_000), ({ bytes }, offset) => {
        let error: unknown;
        try {
          decodeMessage(record(bytes, offset));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(PoisonRecordError);
        const poison = error as PoisonRecordError;
        expect(CODES).toContain(poison.code);
        expect(poison.message).toContain(`tgrisk.messages.v1[2]@${offset}:`);
        // Clear and bounded: a 1 MiB record does not come back inside its own error message.
        expect(poison.message.length).toBeLessThan(2000);
        // One line: a record cannot forge extra log lines through its error message.
        expect(poison.message).not.toMatch(/[\n\r\u2028\u2029]/);
        refused++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(refused).toBe(RUNS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('still accepts the valid record the bad ones were made from', () => {
    const valid = sampleMessage({ text: 'текст с кириллицей и эмодзи 🙂' });
    expect(decodeMessage(record(Buffer.from(JSON.stringify(valid)), 1))).toEqual(valid);
  });
});
