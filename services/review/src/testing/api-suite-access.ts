/**
 * Who may call what, and what hostile callers get: anonymous requests 401, each role exactly its
 * capabilities, and SQL injection, oversized or malformed bodies, unknown fields and cross-origin
 * posts answered with a 4xx that names the problem, never a 500 or a stack trace.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { json, openHarness, type Harness, type OpenStores } from './api-harness.ts';
import { TEST_PASSWORD } from './review-fixtures.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request per capability (and signed-in-only routes), with what each role must get. */
const MATRIX: Array<{ method: Method; url: string; body?: unknown; ana: number; aud: number; adm: number }> =
  [
    { method: 'GET', url: '/api/me', ana: 200, aud: 200, adm: 200 },
    { method: 'GET', url: '/api/meta', ana: 200, aud: 200, adm: 200 },
    { method: 'GET', url: '/api/queue/messages', ana: 200, aud: 200, adm: 403 },
    { method: 'GET', url: '/api/queue/channels', ana: 200, aud: 200, adm: 403 },
    { method: 'GET', url: '/api/messages/1001/2', ana: 200, aud: 200, adm: 403 },
    { method: 'GET', url: '/api/channels/1001', ana: 200, aud: 200, adm: 403 },
    { method: 'GET', url: '/api/channels/1001/messages', ana: 200, aud: 200, adm: 403 },
    {
      method: 'POST',
      url: '/api/leases',
      body: { kind: 'message', channel_id: '1002', message_id: 1 },
      ana: 200,
      aud: 200,
      adm: 403,
    },
    {
      method: 'POST',
      url: '/api/decisions',
      body: { kind: 'message', channel_id: '1002', message_id: 3, action: 'reject' },
      ana: 201,
      aud: 403,
      adm: 403,
    },
    { method: 'GET', url: '/api/decisions', ana: 200, aud: 200, adm: 403 },
    {
      method: 'POST',
      url: '/api/samples',
      body: { kind: 'message', strata: [{ min: 0, max: 1, size: 2 }] },
      ana: 403,
      aud: 201,
      adm: 403,
    },
    { method: 'GET', url: '/api/samples', ana: 200, aud: 200, adm: 403 },
    { method: 'GET', url: '/api/export/eval-set', ana: 403, aud: 200, adm: 403 },
    { method: 'GET', url: '/api/export/channel-gold', ana: 403, aud: 200, adm: 403 },
    { method: 'GET', url: '/api/users', ana: 403, aud: 403, adm: 200 },
    {
      method: 'POST',
      url: '/api/users',
      body: { username: 'newbie', password: 'a long enough password', roles: ['analyst'] },
      ana: 403,
      aud: 403,
      adm: 201,
    },
    {
      method: 'PATCH',
      url: '/api/users/bob',
      body: { roles: ['analyst', 'auditor'] },
      ana: 403,
      aud: 403,
      adm: 200,
    },
  ];

const SQL_INJECTION = [
  "' OR '1'='1",
  '1; DROP TABLE messages; --',
  "1001' UNION SELECT password_hash FROM review_reviewers --",
  '") OR 1=1 --',
  '%27%20OR%201%3D1',
  '\\x00',
  '1001/**/OR/**/1=1',
];

/** A 4xx with a JSON error body that shows no internals. */
function expectCleanRejection(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, `${what}: ${response.body}`).toBeLessThan(500);
  const body = JSON.parse(response.body) as { error: string; message: string };
  expect(typeof body.error).toBe('string');
  expect(body.message).not.toMatch(/\n\s+at |SQLITE|syntax error|node_modules|\.ts:\d+/);
}

export function describeAccessAndHostileInput(name: string, open: OpenStores): void {
  describe(`review API access and hostile input: ${name}`, () => {
    let h: Harness;
    afterEach(async () => h?.close());

    it('answers 401 to anonymous callers on every non-public route in the OpenAPI document', async () => {
      h = await openHarness(open);
      const doc = json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>(
        await h.call('GET', '/api/openapi.json', null),
      );
      let checked = 0;
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const url = path
            .replace('{channelId}', '1001')
            .replace('{messageId}', '2')
            .replace('{id}', '1')
            .replace('{position}', '0')
            .replace('{username}', 'ana');
          const response = await h.call(
            method.toUpperCase() as Method,
            url,
            null,
            method === 'get' || method === 'delete' ? undefined : {},
          );
          if (operation.security?.length === 0) {
            expect(response.statusCode, `${method} ${path} is public`).not.toBe(401);
          } else {
            expect(response.statusCode, `${method} ${path}`).toBe(401);
            expect(response.body).not.toContain('1001');
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(15);
      expect((await h.call('GET', '/api/nowhere', null)).statusCode).toBe(401);
      expect(
        (
          await h.call(
            'GET',
            '/api/queue/messages',
            'tgrisk_session=forged-token-value-that-is-not-real-xxxxx',
          )
        ).statusCode,
      ).toBe(401);
    });

    it('lets each role do exactly what it should', async () => {
      h = await openHarness(open);
      for (const row of MATRIX) {
        for (const role of ['ana', 'aud', 'adm'] as const) {
          const response = await h.call(row.method, row.url, h.cookies[role], row.body);
          expect(
            response.statusCode,
            `${role} ${row.method} ${row.url}: ${response.body.slice(0, 200)}`,
          ).toBe(row[role]);
          // Creating is not idempotent: undo so the next role sees the same state.
          if (row.url === '/api/users' && row.method === 'POST' && response.statusCode === 201) {
            json(await h.call('PATCH', '/api/users/newbie', h.cookies.adm, { disabled: true }));
          }
          if (row.url === '/api/leases' && response.statusCode === 200) {
            await h.call('POST', '/api/leases/release', h.cookies[role], row.body);
          }
        }
      }
      const me = json<{ reviewer: { capabilities: string[] } }>(
        await h.call('GET', '/api/me', h.cookies.ana),
      );
      expect(me.reviewer.capabilities).toEqual(['audit_log', 'decide', 'decide_sample', 'read']);
    });

    it('manages reviewers: a disabled reviewer or a changed password ends the sessions', async () => {
      h = await openHarness(open);
      json(
        await h.call('POST', '/api/users', h.cookies.adm, {
          username: 'carol',
          password: 'a long enough password',
          roles: ['auditor'],
        }),
        201,
      );
      expect(
        json(
          await h.call('POST', '/api/users', h.cookies.adm, {
            username: 'carol',
            password: 'another long password',
            roles: ['analyst'],
          }),
          409,
        ),
      ).toMatchObject({ error: 'REVIEWER_EXISTS' });
      expect(
        json(
          await h.call('POST', '/api/users', h.cookies.adm, {
            username: 'dave',
            password: 'short',
            roles: ['analyst'],
          }),
          400,
        ),
      ).toMatchObject({ error: 'BODY_INVALID' });
      json(await h.call('PATCH', '/api/users/ana', h.cookies.adm, { disabled: true }));
      expect((await h.call('GET', '/api/me', h.cookies.ana)).statusCode).toBe(401);
      expect(
        json(await h.call('POST', '/api/session', null, { username: 'ana', password: TEST_PASSWORD }), 401),
      ).toMatchObject({ error: 'BAD_CREDENTIALS' });
      json(await h.call('PATCH', '/api/users/bob', h.cookies.adm, { password: 'a brand new password' }));
      expect((await h.call('GET', '/api/me', h.cookies.bob)).statusCode).toBe(401);
      json(await h.call('POST', '/api/session', null, { username: 'bob', password: 'a brand new password' }));
      expect(
        json(await h.call('PATCH', '/api/users/adm', h.cookies.adm, { disabled: true }), 409),
      ).toMatchObject({ error: 'SELF_LOCKOUT' });
      expect(
        json(await h.call('PATCH', '/api/users/nobody', h.cookies.adm, { disabled: true }), 404),
      ).toMatchObject({ error: 'NOT_FOUND' });
      const users = json<{ items: Array<Record<string, unknown>> }>(
        await h.call('GET', '/api/users', h.cookies.adm),
      );
      expect(JSON.stringify(users)).not.toMatch(/scrypt|password/);
    });

    it('signs in and out, and slows down password guessing', async () => {
      h = await openHarness(open);
      const ok = await h.call('POST', '/api/session', null, { username: 'aud', password: TEST_PASSWORD });
      expect(ok.statusCode).toBe(200);
      const cookie = ok.cookies.find((c) => c.name === 'tgrisk_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      const bearer = { authorization: `Bearer ${cookie.value}` };
      expect((await h.call('GET', '/api/me', null, undefined, bearer)).statusCode).toBe(200);
      expect((await h.call('DELETE', '/api/session', `tgrisk_session=${cookie.value}`)).statusCode).toBe(204);
      expect((await h.call('GET', '/api/me', null, undefined, bearer)).statusCode).toBe(401);
      for (let i = 0; i < 10; i++) {
        json(await h.call('POST', '/api/session', null, { username: 'bob', password: `wrong ${i}` }), 401);
      }
      const limited = await h.call('POST', '/api/session', null, {
        username: 'bob',
        password: TEST_PASSWORD,
      });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(
        json(await h.call('POST', '/api/session', null, { username: 'nobody', password: 'x' }), 401).message,
      ).toBe('unknown username or wrong password');
    });

    it('rejects SQL injection in every filter with a 4xx, and the data stays intact', async () => {
      h = await openHarness(open);
      const params = [
        'sort',
        'label',
        'lang',
        'channel',
        'score_min',
        'score_max',
        'from',
        'to',
        'decision',
        'cursor',
      ];
      for (const param of params) {
        for (const attack of SQL_INJECTION) {
          const response = await h.call(
            'GET',
            `/api/queue/messages?${param}=${encodeURIComponent(attack)}`,
            h.cookies.ana,
          );
          expectCleanRejection(response, `queue ${param}=${attack}`);
        }
      }
      for (const attack of SQL_INJECTION) {
        const q = encodeURIComponent(attack);
        expectCleanRejection(
          await h.call('GET', `/api/queue/channels?label=${q}`, h.cookies.ana),
          'channels label',
        );
        expectCleanRejection(
          await h.call('GET', `/api/decisions?channel=${q}`, h.cookies.ana),
          'decisions channel',
        );
        expectCleanRejection(await h.call('GET', `/api/messages/${q}/1`, h.cookies.ana), 'message path');
        expectCleanRejection(
          await h.call('GET', `/api/channels/1001/messages?cursor=${q}`, h.cookies.ana),
          'channel cursor',
        );
        // Free-text filters are bound parameters: an injection is just a name nobody has.
        expect(json(await h.call('GET', `/api/decisions?reviewer=${q}`, h.cookies.ana))).toMatchObject({
          items: [],
        });
        expect(
          (await h.call('POST', '/api/session', null, { username: attack, password: attack })).statusCode,
        ).toBe(401);
      }
      expect(
        json<{ items: unknown[] }>(await h.call('GET', '/api/queue/messages?decision=any', h.cookies.ana))
          .items,
      ).toHaveLength(9);
    });

    it('rejects oversized, malformed, mistyped and unexpected bodies with a 4xx naming the problem', async () => {
      h = await openHarness(open);
      const decision = { kind: 'message', channel_id: '1001', message_id: 2, action: 'confirm' };
      const cases: Array<[string, unknown, Record<string, string>, number, string]> = [
        ['oversized', { ...decision, note: 'x'.repeat(70_000) }, {}, 413, 'BODY_TOO_LARGE'],
        [
          'malformed JSON',
          '{"kind": "message", ',
          { 'content-type': 'application/json' },
          400,
          'BODY_NOT_JSON',
        ],
        ['empty', '', { 'content-type': 'application/json' }, 400, 'BODY_EMPTY'],
        [
          'not JSON',
          'kind=message',
          { 'content-type': 'application/x-www-form-urlencoded' },
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        ],
        ['plain text', 'confirm', { 'content-type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['unknown field', { ...decision, admin: true }, {}, 400, 'BODY_INVALID'],
        ['wrong type', { ...decision, message_id: '2' }, {}, 400, 'BODY_INVALID'],
        ['bad label', { ...decision, action: 'relabel', labels: ['spam'] }, {}, 400, 'BODY_INVALID'],
        ['long note', { ...decision, note: 'x'.repeat(4001) }, {}, 400, 'BODY_INVALID'],
        ['array body', [decision], {}, 400, 'BODY_INVALID'],
        [
          'proto pollution',
          '{"__proto__": {"admin": true}, "kind": "message"}',
          { 'content-type': 'application/json' },
          400,
          'BODY_FORBIDDEN_KEY',
        ],
        [
          'constructor pollution',
          '{"kind": "message", "note": {"constructor": {"prototype": {"admin": true}}}}',
          { 'content-type': 'application/json' },
          400,
          'BODY_FORBIDDEN_KEY',
        ],
      ];
      for (const [what, payload, headers, status, code] of cases) {
        const response = await h.call('POST', '/api/decisions', h.cookies.ana, payload, headers);
        expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBe(status);
        expect(JSON.parse(response.body).error, what).toBe(code);
        expectCleanRejection(response, what);
      }
      const unknown = json<{ message: string; issues: unknown[] }>(
        await h.call('POST', '/api/decisions', h.cookies.ana, { ...decision, admin: true }),
        400,
      );
      expect(unknown.message).toContain('has unknown field "admin"');
      expect((await h.call('GET', '/api/queue/messages?admin=1', h.cookies.ana)).statusCode).toBe(400);
      expect((await h.call('GET', '/api/queue/messages?score_min=2', h.cookies.ana)).statusCode).toBe(400);
      expect((await h.call('GET', '/api/queue/messages?from=2025-02-31', h.cookies.ana)).statusCode).toBe(
        400,
      );
      expect((await h.call('GET', '/api/queue/messages?limit=100000', h.cookies.ana)).statusCode).toBe(400);
      expect(
        (await h.call('GET', '/api/queue/messages?score_min=0.9&score_max=0.1', h.cookies.ana)).statusCode,
      ).toBe(400);
      expect(json(await h.call('GET', '/api/decisions', h.cookies.ana))).toMatchObject({ items: [] });
    });

    it('refuses state-changing requests from another origin', async () => {
      h = await openHarness(open);
      const body = { kind: 'message', channel_id: '1001', message_id: 2, action: 'confirm' };
      const cross = await h.call('POST', '/api/decisions', h.cookies.ana, body, {
        origin: 'https://evil.example',
      });
      expect(json(cross, 403)).toMatchObject({ error: 'CROSS_ORIGIN' });
      const same = await h.call('POST', '/api/decisions', h.cookies.ana, body, {
        origin: 'http://localhost:80',
        host: 'localhost:80',
      });
      expect(same.statusCode).toBe(201);
    });

    it('sends a strict Content-Security-Policy and documents every route in OpenAPI', async () => {
      h = await openHarness(open);
      for (const url of ['/', '/ui/app.js', '/api/openapi.json', '/api/me']) {
        const response = await h.call('GET', url, h.cookies.ana);
        const csp = String(response.headers['content-security-policy']);
        expect(csp, url).toContain("script-src 'self'");
        expect(csp).toContain("require-trusted-types-for 'script'");
        expect(csp).not.toContain('unsafe-inline');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
      expect((await h.call('GET', '/api/me', h.cookies.ana)).headers['cache-control']).toBe('no-store');
      const doc = json<{
        openapi: string;
        paths: Record<string, Record<string, unknown>>;
        components: { schemas: Record<string, unknown> };
      }>(await h.call('GET', '/api/openapi.json', null));
      expect(doc.openapi).toBe('3.1.0');
      const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
      );
      for (const route of [
        'GET /api/queue/messages',
        'POST /api/decisions',
        'GET /api/samples/{id}/design',
        'PATCH /api/users/{username}',
      ]) {
        expect(documented).toContain(route);
      }
      for (const schema of ['review-decision.v1', 'review-login.v1', 'review-sample-request.v1', 'Error']) {
        expect(doc.components.schemas[schema], schema).toBeDefined();
      }
      const html = (await h.call('GET', '/', null)).body;
      expect(html).not.toMatch(/<script>|<style>|style=|onclick=/i);
    });
  });
}
