/**
 * The Telegram export importer against generated bad input. Message by message (2,600 bad export
 * messages): each is refused with a PoisonRecordError coded EXPORT_* that names the file, the index
 * and the chat. File by file (600 generated exports): bad messages among good ones are reported one
 * by one while every good message still arrives; a file cut short, or with bytes that are not
 * UTF-8, never crashes the reader (a coded error, or U+FFFD where the bytes were).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PoisonRecordError } from '@tg-risk/core';
import { exportMessageToMessageV1, readTelegramExport, type ExportEvent } from '@tg-risk/ingest';
import {
  anyString,
  controlChars,
  deeplyNested,
  hugeString,
  invalidUtf8,
  SEED,
  wrongType,
} from './bad-inputs.ts';

const MESSAGE_RUNS = 2600;
const FILE_RUNS = 600;
const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-property-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A valid export message with id `id`. */
function goodMessage(id: number): Record<string, unknown> {
  return {
    id,
    type: 'message',
    date: '2025-03-02T10:15:00',
    date_unixtime: String(1740910500 + id),
    from: 'Channel',
    from_id: 'channel1234567890',
    text: [`post ${id} `, { type: 'bold', text: 'жирный' }],
    text_entities: [],
  };
}

/** Values `date_unixtime` cannot be: digits as a string or a non-negative safe integer are fine. */
const badUnixtime = fc.oneof(
  anyString.filter((s) => !/^[0-9]{1,12}$/.test(s)),
  fc.double({ min: -1e9, max: -1 }),
  fc.double({ min: 0.1, max: 1e9, noInteger: true }),
  fc.constant(1e15),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);

/** An export message wrong in one way the importer must refuse. */
const badExportMessage: fc.Arbitrary<{ kind: string; value: unknown }> = fc.oneof(
  fc.constant({ kind: 'no id', value: { ...goodMessage(1), id: undefined } }),
  wrongType('integer').map((v) => ({ kind: 'id wrong type', value: { ...goodMessage(1), id: v } })),
  wrongType('string').map((v) => ({ kind: 'type wrong', value: { ...goodMessage(1), type: v } })),
  anyString
    .filter((s) => s !== 'message' && s !== 'service')
    .map((s) => ({ kind: 'unknown type', value: { ...goodMessage(1), type: s } })),
  fc.constant({ kind: 'no date', value: { ...goodMessage(1), date: undefined, date_unixtime: undefined } }),
  badUnixtime.map((v) => ({ kind: 'bad date_unixtime', value: { ...goodMessage(1), date_unixtime: v } })),
  controlChars.map((c) => ({
    kind: 'control chars in date',
    value: { ...goodMessage(1), date_unixtime: undefined, date: `2025-03-02${c}T10:15:00` },
  })),
  fc
    .oneof(
      fc.integer(),
      fc.boolean(),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
    )
    .map((v) => ({ kind: 'text wrong type', value: { ...goodMessage(1), text: v } })),
  fc
    .array(
      fc.oneof(
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.record({ type: fc.constant('bold'), text: fc.integer() }),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((parts) => ({
      kind: 'text parts wrong type',
      value: { ...goodMessage(1), text: ['ok ', ...parts] },
    })),
  deeplyNested.map((deep) => ({ kind: 'deeply nested text', value: { ...goodMessage(1), text: [deep] } })),
  fc
    .oneof(wrongType('integer'), fc.constant(0))
    .map((v) => ({ kind: 'bad reply id', value: { ...goodMessage(1), reply_to_message_id: v } })),
  fc
    .oneof(
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.integer(),
      fc.string({ maxLength: 8 }),
      fc.constant(null),
    )
    .map((v) => ({ kind: 'not an object', value: v })),
  hugeString(1_048_576).map((text) => ({ kind: 'huge text', value: { ...goodMessage(1), text } })),
);

const chat = { id: 1234567890, name: 'Channel', type: 'public_channel' };

describe('export importer against bad input', () => {
  it(`refuses ${MESSAGE_RUNS} generated bad export messages with a coded error naming file, index and chat`, () => {
    // Huge texts are megabytes each: one in about forty inputs.
    const input = fc.oneof(
      { weight: 40, arbitrary: badExportMessage.filter((b) => b.kind !== 'huge text') },
      { weight: 1, arbitrary: badExportMessage },
    );
    fc.assert(
      fc.property(input, fc.nat(100_000), ({ value }, index) => {
        let error: unknown;
        try {
          exportMessageToMessageV1(value, chat, { file: 'result.json', index });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(PoisonRecordError);
        const poison = error as PoisonRecordError;
        expect(poison.code).toMatch(/^EXPORT_[A-Z_]+$/);
        expect(poison.message).toContain(`result.json: message #${index} (chat 1234567890): `);
        expect(poison.message.length).toBeLessThan(4000);
      }),
      { numRuns: MESSAGE_RUNS, seed: SEED + 2 },
    );
  });

  it(`reads ${FILE_RUNS} generated exports: bad messages reported one by one, good ones all delivered, broken files never crash it`, async () => {
    const file = fc.record({
      good: fc.integer({ min: 1, max: 12 }),
      bad: fc.array(
        badExportMessage.filter((b) => b.kind !== 'huge text'),
        { minLength: 1, maxLength: 4 },
      ),
      pollution: fc.option(fc.constantFrom('__proto__', 'constructor', 'prototype')),
      damage: fc.oneof(
        fc.constant({ kind: 'none' as const }),
        fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'truncate' as const, at })),
        fc
          .tuple(invalidUtf8, fc.double({ min: 0, max: 1, noNaN: true }))
          .map(([bytes, at]) => ({ kind: 'utf8' as const, bytes, at })),
      ),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ good, bad, pollution, damage }) => {
        // Good messages 1..good, each bad one placed right after a good one.
        const messages: unknown[] = [];
        for (let id = 1; id <= good; id++) {
          messages.push(goodMessage(id));
          if (bad[id - 1] !== undefined) messages.push(bad[id - 1]!.value);
        }
        for (const rest of bad.slice(good)) messages.push(rest.value);
        let json = JSON.stringify({ name: 'Channel', type: 'public_channel', id: 1234567890, messages });
        if (pollution) json = json.replace('{"id":1,', `{"${pollution}":{"polluted":true},"id":1,`);
        let bytes = Buffer.from(json);
        if (damage.kind === 'truncate') bytes = bytes.subarray(0, Math.floor(damage.at * (bytes.length - 1)));
        if (damage.kind === 'utf8') {
          const i = Math.floor(damage.at * bytes.length);
          bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(damage.bytes), bytes.subarray(i)]);
        }
        const where = path.join(dir, `export-${run++}.json`);
        writeFileSync(where, bytes);

        const events: ExportEvent[] = [];
        let error: unknown;
        try {
          for await (const event of readTelegramExport(where, { file: 'export.json' })) events.push(event);
        } catch (e) {
          error = e;
        }
        const delivered = events.flatMap((e) => (e.kind === 'message' ? [e.record.message_id] : []));
        const reported = events.filter((e) => e.kind === 'bad' || e.kind === 'bad_chat');
        for (const r of reported) expect(r.error.code).toMatch(/^EXPORT_[A-Z_]+$/);
        if (error !== undefined) {
          // Only a broken file stops the reader, and with a coded error naming the file.
          expect(damage.kind).not.toBe('none');
          expect(error).toBeInstanceOf(PoisonRecordError);
          expect((error as PoisonRecordError).code).toMatch(/^EXPORT_(JSON_SYNTAX|NOT_TELEGRAM|NOT_UTF8)$/);
          expect((error as Error).message).toContain('export.json');
        }
        // Bad bytes are never passed on as U+FFFD: the reader stops at them, naming the offset.
        if (damage.kind === 'utf8')
          expect((error as PoisonRecordError | undefined)?.code).toBe('EXPORT_NOT_UTF8');
        if (damage.kind === 'none') {
          expect(error).toBeUndefined();
          expect(delivered).toEqual(Array.from({ length: good }, (_, i) => i + 1));
          expect(reported).toHaveLength(bad.length);
        } else {
          // What arrives before the damage is whole and in order; nothing is invented.
          expect(delivered).toEqual(Array.from({ length: delivered.length }, (_, i) => i + 1));
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: FILE_RUNS, seed: SEED + 3 },
    );
  });
});
