import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('scrypt password hashes', () => {
  it('verifies the password and nothing else, with a fresh salt per hash', async () => {
    const a = await hashPassword('correct horse battery staple', CHEAP);
    const b = await hashPassword('correct horse battery staple', CHEAP);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('horse');
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false);
  });

  it('treats malformed or absurd stored hashes as a mismatch', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$x',
      'scrypt$1024$8$1$c2FsdA$a2V5',
      'scrypt$99999999$8$1$c2FsdA$' + 'A'.repeat(43),
    ]) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('compares NFC-normalised passwords', async () => {
    const stored = await hashPassword('caf\u00e9 au lait 12', CHEAP);
    expect(await verifyPassword('cafe\u0301 au lait 12', stored)).toBe(true);
  });
});
