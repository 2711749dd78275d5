/**
 * Generators of bad input for the property tests: records that are wrong in every way the issue
 * lists (truncated JSON, wrong types, missing fields, huge strings, invalid UTF-8, deeply nested
 * entities, control characters, prototype-pollution keys). Each generator yields only inputs that
 * are certainly invalid, so "every one gets a clear error" can be asserted without exceptions.
 */
import fc from 'fast-check';
import { sampleMessage } from '@tg-risk/core';

/** One seed for every property test: a failure is reproduced by running the test again. */
export const SEED = 7_2025;

/** A generated bad input and what is wrong with it (shown when a property fails). */
export interface BadInput {
  kind: string;
  bytes: Buffer;
}

/** Control characters a log line or a terminal could be fooled by: C0, DEL, C1, bidi, separators. */
export const controlChars = fc
  .array(
    fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u0007',
      '\b',
      '\t',
      '\n',
      '\r',
      '\u001b[31m',
      '\u007f',
      '\u0085',
      '\u200b',
      '\u202e',
      '\u2028',
      '\u2029',
      '\ufeff',
      '\ud800',
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** Strings of every kind, including lone surrogates and control characters. */
export const anyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  controlChars,
);

/** A string longer than `limit` code points (kept rare by the callers: each is megabytes). */
export const hugeString = (limit: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: 64 }), fc.constantFrom('x', 'я', '🙂', '\u0000'))
    .map(([extra, unit]) => unit.repeat(limit + extra));

/** Nested arrays/objects `depth` levels deep (a JSON bomb for recursive validators). */
export const deeplyNested = fc
  .tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean())
  .map(
    ([depth, arrays]) =>
      JSON.parse(
        arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      ) as unknown,
  );

/** Values of a JSON type other than `not` (for wrong-type mutations). */
export function wrongType(not: 'string' | 'number' | 'object' | 'array' | 'null-or-string' | 'integer') {
  const pool: Array<fc.Arbitrary<unknown>> = [];
  if (not !== 'string' && not !== 'null-or-string') pool.push(anyString);
  if (not !== 'number' && not !== 'integer') pool.push(fc.double({ noNaN: true }), fc.integer());
  if (not === 'integer')
    pool.push(fc.double({ min: 0.1, max: 1e6, noInteger: true }), fc.constantFrom(-1, 0));
  if (not !== 'object') pool.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
  if (not !== 'array') pool.push(fc.array(fc.integer(), { maxLength: 3 }));
  pool.push(fc.boolean());
  if (not !== 'null-or-string') pool.push(fc.constant(null));
  return fc.oneof(...pool);
}

/** JSON text with an own `__proto__` (or constructor/prototype) key, as an attacker would send it. */
export function withPollutionKey(json: string, key: string, payload: string): string {
  return `{${JSON.stringify(key)}:${payload},${json.slice(1)}`;
}

const REQUIRED = [
  'schema',
  'channel_id',
  'channel_username',
  'channel_title',
  'message_id',
  'date',
  'text',
  'entities',
  'forward',
  'reply_to',
  'edit_date',
  'views',
  'media',
  'source',
] as const;

/** A message.v1 object wrong in one way the schema rejects. */
export const badMessageObject: fc.Arbitrary<{ kind: string; value: unknown }> = fc.oneof(
  fc.constantFrom(...REQUIRED).map((field) => {
    const m: Record<string, unknown> = { ...sampleMessage() };
    delete m[field];
    return { kind: `missing ${field}`, value: m };
  }),
  fc
    .record({ v: wrongType('integer') })
    .map(({ v }) => ({ kind: 'message_id wrong type', value: { ...sampleMessage(), message_id: v } })),
  fc
    .record({ v: wrongType('string') })
    .map(({ v }) => ({ kind: 'channel_id wrong type', value: { ...sampleMessage(), channel_id: v } })),
  fc
    .record({ v: wrongType('string') })
    .map(({ v }) => ({ kind: 'text wrong type', value: { ...sampleMessage(), text: v } })),
  fc
    .record({ v: wrongType('array') })
    .map(({ v }) => ({ kind: 'entities wrong type', value: { ...sampleMessage(), entities: v } })),
  fc
    .record({ v: wrongType('null-or-string') })
    .map(({ v }) => ({ kind: 'date wrong type', value: { ...sampleMessage(), date: v } })),
  controlChars.map((c) => ({
    kind: 'control chars in channel_id',
    value: { ...sampleMessage(), channel_id: `10${c}01` },
  })),
  controlChars.map((c) => ({
    kind: 'control chars in date',
    value: { ...sampleMessage(), date: `2025-03-02${c}T10:15:00Z` },
  })),
  anyString
    .filter((s) => s !== 'message.v1')
    .map((s) => ({ kind: 'wrong schema name', value: { ...sampleMessage(), schema: s } })),
  fc
    .record({
      k: fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((k) => !(REQUIRED as readonly string[]).includes(k)),
      v: fc.jsonValue({ maxDepth: 2 }),
    })
    .map(({ k, v }) => ({ kind: 'unknown field', value: { ...sampleMessage(), [k]: v } })),
  deeplyNested.map((deep) => ({
    kind: 'deeply nested entities',
    value: { ...sampleMessage(), entities: [deep] },
  })),
  deeplyNested.map((deep) => ({ kind: 'deeply nested source', value: { ...sampleMessage(), source: deep } })),
  fc
    .record({ type: anyString, offset: wrongType('integer') })
    .map((e) => ({ kind: 'bad entity', value: { ...sampleMessage(), entities: [{ ...e, length: 1 }] } })),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }).map((a) => ({ kind: 'json array', value: a })),
  fc
    .oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null), fc.boolean())
    .map((v) => ({ kind: 'json scalar', value: v })),
);

/** A message.v1 with a text over the schema's 1 MiB limit (rare in the mix: megabytes each). */
export const hugeTextMessage = hugeString(1_048_576).map((text) => ({
  kind: 'huge text',
  value: { ...sampleMessage(), text },
}));

/** Invalid UTF-8 byte sequences (RFC 3629 §3 and §10: what a strict decoder must refuse). */
export const invalidUtf8 = fc.constantFrom(
  [0xff],
  [0xfe],
  [0x80],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xc3],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
);

/** Bytes of a bad bus record: every way a message.v1 record can be broken on the wire. */
export const badRecordBytes: fc.Arbitrary<BadInput> = fc.oneof(
  {
    weight: 24,
    arbitrary: badMessageObject.map(({ kind, value }) => ({
      kind,
      bytes: Buffer.from(JSON.stringify(value)),
    })),
  },
  {
    weight: 1,
    arbitrary: hugeTextMessage.map(({ kind, value }) => ({
      kind,
      bytes: Buffer.from(JSON.stringify(value)),
    })),
  },
  {
    weight: 12,
    arbitrary: fc.integer({ min: 0, max: 400 }).map((cut) => {
      const json = JSON.stringify(
        sampleMessage({ text: 'a fairly long text so the cut lands anywhere '.repeat(3) }),
      );
      return { kind: 'truncated json', bytes: Buffer.from(json.slice(0, Math.min(cut, json.length - 1))) };
    }),
  },
  {
    weight: 12,
    arbitrary: fc.tuple(invalidUtf8, fc.integer({ min: 0, max: 200 })).map(([bad, at]) => {
      const json = Buffer.from(JSON.stringify(sampleMessage({ text: 'текст с кириллицей и эмодзи 🙂' })));
      const i = Math.min(at, json.length);
      return {
        kind: 'invalid utf-8',
        bytes: Buffer.concat([json.subarray(0, i), Buffer.from(bad), json.subarray(i)]),
      };
    }),
  },
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        fc.constantFrom('{"polluted":true}', '{"prototype":{"polluted":true}}', 'null'),
      )
      .map(([key, payload]) => ({
        kind: `pollution key ${key}`,
        bytes: Buffer.from(withPollutionKey(JSON.stringify(sampleMessage()), key, payload)),
      })),
  },
  {
    weight: 4,
    arbitrary: fc
      .uint8Array({ minLength: 0, maxLength: 64 })
      .map((b) => ({ kind: 'random bytes', bytes: Buffer.from(b) })),
  },
);
