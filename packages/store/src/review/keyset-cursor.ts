/**
 * Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON. A cursor is
 * user input, so decoding checks its shape and fails with BAD_CURSOR rather than reaching SQL.
 */
import { REVIEW_STORE_ERRORS, TgRiskError } from '@tg-risk/core';

export type CursorValue = string | number;
type Shape = ReadonlyArray<'string' | 'number'>;

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Decodes a cursor whose values must have the types in `shape`. */
export function decodeCursor(cursor: string, shape: Shape): CursorValue[] {
  const fail = (): never => {
    throw new TgRiskError(
      REVIEW_STORE_ERRORS.badCursor,
      'cursor is not one this query returned; start again without it or pass the nextCursor of the previous page',
    );
  };
  if (cursor.length > 2048 || !/^[A-Za-z0-9_-]*$/.test(cursor)) fail();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return fail();
  }
  if (!Array.isArray(values) || values.length !== shape.length) fail();
  const list = values as unknown[];
  shape.forEach((type, i) => {
    const value = list[i];
    if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) fail();
  });
  return list as CursorValue[];
}
