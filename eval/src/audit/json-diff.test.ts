import { describe, expect, it } from 'vitest';
import { diffJson, showValue } from './json-diff.ts';

describe('diffJson', () => {
  it('names each changed leaf by JSON pointer, in document order', () => {
    const before = { a: { rate: 0.31, n: 10 }, list: [1, 2, 3], 'x/y~z': true, gone: 1 };
    const after = { a: { rate: 0.32, n: 10 }, list: [1, 5], 'x/y~z': false, added: 'new' };
    expect(diffJson(before, after)).toEqual([
      { path: '/a/rate', old: 0.31, new: 0.32 },
      { path: '/list/1', old: 2, new: 5 },
      { path: '/list/2', old: 3, new: undefined },
      { path: '/x~1y~0z', old: true, new: false },
      { path: '/gone', old: 1, new: undefined },
      { path: '/added', old: undefined, new: 'new' },
    ]);
  });

  it('finds nothing in equal documents and reports a type change once', () => {
    expect(diffJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
    expect(diffJson({ a: { b: 1 } }, { a: null })).toEqual([{ path: '/a', old: { b: 1 }, new: null }]);
    expect(showValue(undefined)).toBe('(absent)');
    expect(showValue('x'.repeat(100))).toHaveLength(80);
  });
});
