import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { clearRegisteredSecrets, redactDeep, registerSecret } from './redact.ts';

const SESSION = '1BQANOTAREALSESSIONSTRINGbutlongenoughtolookliketheone==';
const API_HASH = '0123456789abcdef0123456789abcdef';

/** Collects what a logger writes, one parsed JSON object per line. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger('info', 'test', stream) };
}

describe('log redaction', () => {
  afterEach(() => clearRegisteredSecrets());

  it('replaces secret fields at any depth, in objects, arrays and errors', () => {
    const error = Object.assign(new Error('boom'), { apiHash: API_HASH });
    const out = redactDeep({
      a: { b: { c: { session: SESSION, Token: 'x'.repeat(20) } } },
      list: [{ password: 'hunter22222' }],
      error,
      kept: 'visible',
    }) as Record<string, unknown>;
    const text = JSON.stringify(out);
    expect(text).not.toContain(SESSION);
    expect(text).not.toContain(API_HASH);
    expect(text).not.toContain('hunter22222');
    expect(text).not.toContain('xxxxxxxxxxxxxxxxxxxx');
    expect(text).toContain('visible');
    expect(text).toContain('boom');
  });

  it('cuts registered secret values out of messages, nested strings and error text', () => {
    registerSecret(SESSION);
    registerSecret(API_HASH);
    const { lines, logger } = capture();
    logger.info({ deep: { note: `hash was ${API_HASH}` } }, `connecting with ${SESSION}`);
    logger.error({ err: new Error(`AUTH_KEY_UNREGISTERED for ${SESSION}`) }, 'login failed');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(SESSION);
      expect(line).not.toContain(API_HASH);
      expect(line).toContain('[redacted]');
    }
    expect(JSON.parse(lines[0]!).msg).toBe('connecting with [redacted]');
  });

  it('survives cycles and leaves ordinary values alone', () => {
    const cyclic: Record<string, unknown> = { name: 'worker-1', count: 3 };
    cyclic.self = cyclic;
    expect(redactDeep(cyclic)).toEqual({ name: 'worker-1', count: 3, self: '[circular]' });
    registerSecret('short');
    expect(redactDeep('a short word')).toBe('a short word');
  });
});
