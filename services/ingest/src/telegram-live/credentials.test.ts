import { describe, expect, it } from 'vitest';
import { apiCredentials, redactSecrets, sessionFile } from './credentials.ts';

describe('credentials', () => {
  it('names each missing or malformed API credential and how to get them', () => {
    expect(() => apiCredentials({})).toThrow(
      /TG_API_ID is not set\n {2}- TG_API_HASH is not set\n.*my\.telegram\.org.*tgrisk login/s,
    );
    expect(() => apiCredentials({ TG_API_ID: '12a', TG_API_HASH: 'short' })).toThrow(
      /TG_API_ID is not a number[\s\S]*TG_API_HASH is not 32 hexadecimal characters/,
    );
    expect(apiCredentials({ TG_API_ID: ' 12345 ', TG_API_HASH: 'ab'.repeat(16) })).toEqual({
      apiId: 12345,
      apiHash: 'ab'.repeat(16),
    });
  });

  it('the session file: --session, else TG_SESSION_FILE, else .data/telegram.session', () => {
    expect(sessionFile({ TG_SESSION_FILE: 'env.session' }, 'opt.session')).toBe('opt.session');
    expect(sessionFile({ TG_SESSION_FILE: 'env.session' })).toBe('env.session');
    expect(sessionFile({})).toBe('.data/telegram.session');
  });

  it('redacts every occurrence of every secret', () => {
    expect(redactSecrets('hash abcdef in abcdef, code 12345', ['abcdef', '12345', undefined, 'ab'])).toBe(
      'hash [redacted] in [redacted], code [redacted]',
    );
  });
});
