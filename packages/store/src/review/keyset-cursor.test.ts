import { describe, expect, it } from 'vitest';
import { TgRiskError } from '@tg-risk/core';
import { decodeCursor, encodeCursor } from './keyset-cursor.ts';

describe('keyset cursors', () => {
  it('round-trips sort keys exactly, floats included', () => {
    const key = [0.1 + 0.2, '1001', 9007199254740991];
    expect(decodeCursor(encodeCursor(key), ['number', 'string', 'number'])).toEqual(key);
  });

  it.each([
    ['not base64url', "' OR 1=1 --"],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['wrong length', encodeCursor([1])],
    ['wrong type', encodeCursor(['1', '2', 3])],
    ['not finite', Buffer.from('[1e999,"a",1]').toString('base64url')],
    ['too long', 'A'.repeat(3000)],
  ])('rejects a cursor that is %s', (_what, cursor) => {
    expect(() => decodeCursor(cursor, ['number', 'string', 'number'])).toThrow(TgRiskError);
  });
});
