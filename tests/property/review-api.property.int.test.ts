/**
 * The review API (services/review, fastify) against generated bad requests, driven by its own
 * OpenAPI document so every route and every filter is covered: SQL-injection strings, wrong types,
 * huge and control-character values in each query and path parameter, and malformed, oversized,
 * deeply nested, prototype-polluting or unknown-field JSON bodies. Every answer is a 4xx JSON
 * error (or, for a free-text filter, an empty result: the injection is data, not SQL), never a
 * 5xx and never a stack trace. Runs about 2,000 requests over an SQLite store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteReviewStore, openSqliteStore } from '@tg-risk/store';
import { openHarness, type Harness } from '../../services/review/src/testing/api-harness.ts';
import { anyString, controlChars, deeplyNested, SEED } from './bad-inputs.ts';

interface Parameter {
  in: 'query' | 'path';
  name: string;
  schema: { type?: string; enum?: string[]; pattern?: string; maxLength?: number };
}
interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
  body: boolean;
}

/** What attackers send to a filter: classic SQL injection, for SQLite and PostgreSQL alike. */
const SQL_INJECTION = [
  "' OR '1'='1",
  "1' OR 1=1 --",
  '1; DROP TABLE messages; --',
  "' UNION SELECT username, password_hash FROM reviewers --",
  "1' AND sleep(5) --",
  "'; SELECT pg_sleep(5); --",
  '1 OR 1=1',
  '%27%20OR%201%3D1',
  "\\'; --",
  '" OR ""="',
  "admin'--",
  '1)) OR ((1=1',
];

const badValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SQL_INJECTION) },
  { weight: 2, arbitrary: anyString },
  { weight: 1, arbitrary: controlChars },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '-1',
      '0',
      '1.5',
      'NaN',
      'Infinity',
      '1e309',
      '99999999999999999999999',
      'true',
      'null',
      '[]',
      '{}',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 3000, max: 20_000 }).map((n) => 'x'.repeat(n)) },
);

const badBody = fc.oneof(
  fc.constantFrom(
    '{"username":"ana","password":',
    '{',
    '[',
    'not json',
    '{"a":1,}',
    '\u0000',
    '{"__proto__":{"admin":true}}',
  ),
  fc.integer({ min: 70_000, max: 200_000 }).map((n) => JSON.stringify({ note: 'x'.repeat(n) })),
  deeplyNested.map((v) => JSON.stringify({ value: v })),
  fc
    .dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), {
      minKeys: 1,
      maxKeys: 4,
    })
    .map((o) => JSON.stringify({ ...o, unknown_field_x: SQL_INJECTION[0] })),
  fc
    .oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }))
    .map((v) => JSON.stringify(v)),
);

const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-property-review-'));
let harness: Harness;
let operations: Operation[] = [];

beforeAll(async () => {
  const file = path.join(dir, 'review.db');
  harness = await openHarness(async () => ({
    labels: openSqliteStore({ path: file }),
    review: openSqliteReviewStore({ path: file }),
  }));
  const spec = JSON.parse((await harness.call('GET', '/api/openapi.json', harness.cookies.adm)).body) as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
  };
  operations = Object.entries(spec.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase() as Operation['method'],
      path: p,
      parameters: op.parameters ?? [],
      body: op.requestBody !== undefined,
    })),
  );
}, 60_000);

afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A harmless value of the right shape, for the parameters not under attack. */
function validValue(p: Parameter): string {
  if (p.schema.enum) return p.schema.enum[0]!;
  if (p.schema.type === 'integer' || p.schema.type === 'number') return '1';
  if (p.schema.pattern?.includes('[1-9][0-9]')) return '1001';
  return 'ana';
}

/** The first signed-in user the operation does not refuse outright (so validation is reached). */
async function caller(op: Operation): Promise<string> {
  const url = urlFor(op, null, '');
  for (const who of ['adm', 'ana', 'aud'] as const) {
    const res = await harness.call(op.method, url, harness.cookies[who], op.body ? {} : undefined);
    if (res.statusCode !== 401 && res.statusCode !== 403) return harness.cookies[who];
  }
  return harness.cookies.adm;
}

function urlFor(op: Operation, attacked: Parameter | null, raw: string): string {
  // A URL carries UTF-8: lone surrogates become U+FFFD as any client would send them.
  const value = Buffer.from(raw).toString();
  let url = op.path;
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    url = url.replace(`{${p.name}}`, encodeURIComponent(p === attacked ? value : validValue(p)));
  }
  return attacked?.in === 'query' ? `${url}?${attacked.name}=${encodeURIComponent(value)}` : url;
}

/** Why an answer is not a safe client error (a 5xx, or a trace of code, SQL or a stack), or null. */
function unsafeAnswer(res: { statusCode: number; body: string }, what: string): string | null {
  if (res.statusCode >= 500) {
    return `${what} -> ${res.statusCode} ${res.body.replace(/ \(request [^)]*\)/, '').slice(0, 120)}`;
  }
  if (/\n\s+at |node_modules|\.ts:\d+|SQLITE_|syntax error at or near/.test(res.body)) {
    return `${what} -> internals in the body: ${res.body.slice(0, 120)}`;
  }
  return null;
}

describe('review API against bad requests', () => {
  it('answers SQL injection and garbage in every query and path parameter with a 4xx or an empty result, never a 5xx', async () => {
    let requests = 0;
    const problems = new Set<string>();
    for (const op of operations) {
      const attackable = op.parameters.filter((p) => p.in === 'query' || p.in === 'path');
      if (attackable.length === 0) continue;
      const cookie = await caller(op);
      for (const param of attackable) {
        const values = fc.sample(badValue, { numRuns: 40, seed: SEED + requests });
        for (const value of values) {
          const res = await harness.call(
            op.method,
            urlFor(op, param, value),
            cookie,
            op.body ? {} : undefined,
          );
          requests++;
          const problem = unsafeAnswer(
            res,
            `${op.method} ${op.path}?${param.name}=${JSON.stringify(value.slice(0, 40))}`,
          );
          if (problem) problems.add(problem);
          const freeText = param.schema.type === 'string' && !param.schema.enum && !param.schema.pattern;
          if (freeText && res.statusCode < 300 && res.body.startsWith('{')) {
            // A free-text filter may accept the string as data: then it matches nothing.
            const items = (JSON.parse(res.body) as { items?: unknown[] }).items;
            if (Array.isArray(items) && items.length > 0)
              problems.add(`${op.path}?${param.name}=${value} matched rows`);
          }
        }
      }
    }
    expect([...problems]).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
  });

  it('refuses malformed, oversized, deeply nested and unknown-field bodies on every write route with a 4xx', async () => {
    let requests = 0;
    const problems = new Set<string>();
    for (const op of operations.filter((o) => o.body)) {
      const cookie = op.path === '/api/session' ? '' : await caller(op);
      for (const body of fc.sample(badBody, { numRuns: 60, seed: SEED + 100 + requests })) {
        const res = await harness.call(op.method, urlFor(op, null, ''), cookie || null, body, {
          'content-type': 'application/json',
        });
        requests++;
        const problem = unsafeAnswer(res, `${op.method} ${op.path} with ${body.slice(0, 40)}`);
        if (problem) problems.add(problem);
        else if (res.statusCode < 400) problems.add(`${op.method} ${op.path} accepted ${body.slice(0, 60)}`);
      }
    }
    expect([...problems]).toEqual([]);
    expect(requests).toBeGreaterThan(300);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
