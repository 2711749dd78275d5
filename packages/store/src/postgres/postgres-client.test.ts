import { describe, expect, it } from 'vitest';
import { UsageError } from '@tg-risk/core';
import { checkedSchema, describePostgres, numberPlaceholders } from './postgres-client.ts';

describe('PostgreSQL client helpers', () => {
  it('numbers ? placeholders in order', () => {
    expect(numberPlaceholders('SELECT ? WHERE a = ? AND (b, c) < (?, ?)')).toBe(
      'SELECT $1 WHERE a = $2 AND (b, c) < ($3, $4)',
    );
  });

  it('describes a server without its credentials', () => {
    const where = describePostgres('postgres://ana:s3cret@db.example:6543/review', 'team');
    expect(where).toBe('PostgreSQL at db.example:6543/review (schema team)');
    expect(describePostgres('not a url with s3cret', 'public')).not.toContain('s3cret');
  });

  it('accepts only plain schema names (they are interpolated)', () => {
    expect(checkedSchema(undefined)).toBe('public');
    expect(checkedSchema('t_abc123')).toBe('t_abc123');
    for (const bad of ['Public', 'a;drop', 'a b', '1abc', 'x'.repeat(64)]) {
      expect(() => checkedSchema(bad)).toThrow(UsageError);
    }
  });
});
