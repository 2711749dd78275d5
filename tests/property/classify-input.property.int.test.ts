/**
 * `tgrisk classify` input checking against generated bad lines. In process (3,000 bad lines among
 * good ones, through the real line splitter and checker): every bad line gets a classify-error.v1
 * naming its line and the problem, every good line around it is accepted unchanged. As a process
 * (1,000 bad lines in one run): the command exits 0 with one valid output line per input line, and
 * the good lines are labelled. Prototype-pollution keys are ignored fields, never a polluted object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertValid, type ClassifyErrorV1 } from '@tg-risk/schemas';
import { checkClassifyLine, type CheckedLine } from '../../cli/src/classify-input.ts';
import { readInputLines } from '../../cli/src/jsonl-lines.ts';
import { runTgrisk } from '../helpers.ts';
import {
  anyString,
  controlChars,
  deeplyNested,
  hugeString,
  invalidUtf8,
  SEED,
  wrongType,
} from './bad-inputs.ts';

const IN_PROCESS = 3000;
const IN_A_PROCESS = 1000;
const MAX_LINE = 2 * 1024 * 1024;

const TRUNCATED = JSON.stringify({ id: 'x-1', text: 'Продам аккаунты, пишите в лс' });

/** A classify input line that must be refused, as bytes without a line break. */
const badLine: fc.Arbitrary<{ kind: string; bytes: Buffer }> = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc.integer({ min: 1, max: TRUNCATED.length - 1 }).map((cut) => ({
        kind: 'truncated json',
        text: TRUNCATED.slice(0, cut),
      })),
    },
    {
      weight: 2,
      arbitrary: wrongType('string').map((v) => ({
        kind: 'text wrong type',
        text: JSON.stringify({ text: v }),
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.boolean(),
          fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
          fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
        )
        .map((id) => ({ kind: 'id wrong type', text: JSON.stringify({ id, text: 'ok' }) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .dictionary(
          fc.string({ maxLength: 6 }).filter((k) => k !== 'text'),
          fc.jsonValue({ maxDepth: 1 }),
          { maxKeys: 3 },
        )
        .map((o) => ({ kind: 'missing text', text: JSON.stringify(o) })),
    },
    {
      weight: 2,
      arbitrary: controlChars.map((c) => ({
        kind: 'raw control chars in json',
        text: `{"text":"a\u0001${c.replace(/[\n\t]/g, ' ')}b"}`,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(' ', '\t', '\u00a0\u2003')
        .map((ws) => ({ kind: 'empty text', text: JSON.stringify({ text: ws }) })),
    },
    {
      weight: 1,
      arbitrary: deeplyNested.map((deep) => ({
        kind: 'deeply nested text',
        text: JSON.stringify({ text: deep }),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.array(fc.integer(), { maxLength: 3 }),
          fc.integer(),
          fc.constant(null),
          anyString.map((s) => JSON.stringify(s)),
        )
        .map((v) => ({ kind: 'not an object', text: typeof v === 'string' ? v : JSON.stringify(v) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .stringMatching(/^[a-zA-Z ,.:!?]{1,30}$/)
        .filter((s) => s.trim() !== '')
        .map((s) => ({ kind: 'not json', text: s })),
    },
  )
  .map(({ kind, text }) => ({ kind, bytes: Buffer.from(text.replace(/\n/g, ' ')) }))
  .chain((line) =>
    fc.oneof(
      { weight: 12, arbitrary: fc.constant(line) },
      // Invalid UTF-8 spliced in anywhere (RFC 3629: refused outright).
      {
        weight: 2,
        arbitrary: fc.tuple(invalidUtf8, fc.nat()).map(([b, at]) => ({
          kind: 'invalid utf-8',
          bytes: Buffer.concat([
            line.bytes.subarray(0, at % (line.bytes.length + 1)),
            Buffer.from(b),
            line.bytes.subarray(at % (line.bytes.length + 1)),
          ]),
        })),
      },
    ),
  );

/** Rare and large: a text over the 64 Ki character limit, and a line over the 2 MiB line limit. */
const hugeLine = fc.oneof(
  hugeString(65_536).map((text) => ({ kind: 'text too long', bytes: Buffer.from(JSON.stringify({ text })) })),
  hugeString(MAX_LINE).map((text) => ({
    kind: 'line too long',
    bytes: Buffer.from(JSON.stringify({ text })),
  })),
);

const pollutionLine = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.nat(1000))
  .map(([key, n]) => ({
    kind: `pollution ${key}`,
    bytes: Buffer.from(`{"${key}":{"polluted":true},"id":"p-${n}","text":"Закладки, бот @shop_bot"}`),
  }));

const goodLine = fc
  .nat(1_000_000)
  .map((n) => ({ id: `g-${n}`, text: n % 5 === 0 ? `Закладки мефедрон ${n}г` : `ordinary text ${n}` }));

const CODES = new Set([
  'INPUT_NOT_UTF8',
  'INPUT_TOO_LONG',
  'INPUT_NOT_JSON',
  'INPUT_INVALID',
  'TEXT_EMPTY',
  'TEXT_TOO_LONG',
]);

async function* chunked(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('tgrisk classify input against bad lines', () => {
  it(`answers each of ${IN_PROCESS} bad lines with a classify-error.v1 and accepts the good lines around them`, async () => {
    const mix = fc.sample(
      fc.oneof(
        { weight: 60, arbitrary: badLine },
        { weight: 1, arbitrary: hugeLine },
        { weight: 4, arbitrary: pollutionLine },
      ),
      { numRuns: IN_PROCESS, seed: SEED + 4 },
    );
    const good = fc.sample(goodLine, { numRuns: IN_PROCESS, seed: SEED + 5 });
    // good, bad, good, bad, ... so every bad line has valid neighbours.
    const lines = mix.flatMap((bad, i) => [Buffer.from(JSON.stringify(good[i])), bad.bytes]);
    const input = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
    const checked: CheckedLine[] = [];
    for await (const line of readInputLines(chunked(input, 65_536), MAX_LINE))
      checked.push(checkClassifyLine(line));

    expect(checked).toHaveLength(lines.length);
    checked.forEach((result, i) => {
      if (i % 2 === 0) {
        expect(result).toMatchObject({ ok: true, line: i + 1, input: good[i / 2] });
        return;
      }
      const kind = mix[(i - 1) / 2]!.kind;
      if (kind.startsWith('pollution')) {
        // Extra keys are allowed and ignored: the line is classified, nothing is polluted.
        expect(result.ok, kind).toBe(true);
        return;
      }
      expect(result.ok, `${kind} on line ${i + 1} was accepted`).toBe(false);
      const error = (result as { error: ClassifyErrorV1 }).error;
      assertValid('classify-error.v1', error);
      expect(error.line).toBe(i + 1);
      expect(CODES.has(error.error.code), error.error.code).toBe(true);
      expect(error.error.message.startsWith(`line ${i + 1}: `)).toBe(true);
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`keeps running through ${IN_A_PROCESS} bad lines and labels the good ones in order`, async () => {
    const bad = fc.sample(
      fc.oneof({ weight: 20, arbitrary: badLine }, { weight: 1, arbitrary: pollutionLine }),
      {
        numRuns: IN_A_PROCESS,
        seed: SEED + 6,
      },
    );
    const good = fc.sample(goodLine, { numRuns: IN_A_PROCESS, seed: SEED + 7 });
    const lines = bad.flatMap((b, i) => [Buffer.from(JSON.stringify(good[i])), b.bytes]);
    const result = await runTgrisk(['classify', '--batch', '50'], {
      input: Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    const out = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { schema: string; id?: unknown });
    expect(out).toHaveLength(lines.length);
    out.forEach((o, i) => {
      if (o.schema === 'label.v1') assertValid('label.v1', o);
      else assertValid('classify-error.v1', o);
      if (i % 2 === 0) expect(o).toMatchObject({ schema: 'label.v1', id: good[i / 2]!.id });
      else if (!bad[(i - 1) / 2]!.kind.startsWith('pollution')) expect(o.schema).toBe('classify-error.v1');
    });
  });
});
