import { describe, expect, it } from 'vitest';
import { roundNumbers, serializeReport } from './report-json.ts';

describe('report JSON', () => {
  it('rounds non-integers to 6 decimals deeply, writes -0 as 0 and leaves integers alone', () => {
    expect(roundNumbers({ a: [0.1234567891, -0.0000001], b: { c: 12345678901, d: 'x', e: null } })).toEqual({
      a: [0.123457, 0],
      b: { c: 12345678901, d: 'x', e: null },
    });
    expect(Object.is(roundNumbers(-0.0000001), 0)).toBe(true);
  });

  it('refuses non-finite numbers instead of writing null', () => {
    expect(() => roundNumbers({ x: Number.NaN })).toThrow(/non-finite/);
  });

  it('serialises with two spaces and a final newline', () => {
    expect(serializeReport({ a: 1 })).toBe('{\n  "a": 1\n}\n');
  });
});
