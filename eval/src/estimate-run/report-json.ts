/**
 * Turns a report into the exact bytes written: numbers rounded to 6 decimals (so the last bits of
 * floating point never reach the file), -0 written as 0, two-space JSON with a final newline. The
 * key order is the order the report was built in, which is fixed by the code.
 */

/** Rounds every non-integer number in `value` to `decimals` decimals, deeply; returns a new value. */
export function roundNumbers<T>(value: T, decimals = 6): T {
  const factor = 10 ** decimals;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError(`cannot write a non-finite number (${v}) into a report`);
      const rounded = Number.isInteger(v) ? v : Math.round(v * factor) / factor;
      return rounded === 0 ? 0 : rounded;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** The report's bytes: two-space JSON and a final newline. */
export function serializeReport(report: unknown): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
