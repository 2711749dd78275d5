/**
 * Names every value that differs between two JSON documents by its JSON pointer (RFC 6901), so
 * `tgrisk audit verify` can say which number of a report changed and from what to what.
 */

/** One difference: the pointer, the old value and the new one (undefined: absent on that side). */
export interface JsonChange {
  path: string;
  old: unknown;
  new: unknown;
}

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every leaf (or type) difference between `before` and `after`, in document order. */
export function diffJson(before: unknown, after: unknown, path = ''): JsonChange[] {
  if (Object.is(before, after)) return [];
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  const bothObjects =
    !bothArrays &&
    before !== null &&
    after !== null &&
    typeof before === 'object' &&
    typeof after === 'object' &&
    !Array.isArray(before) &&
    !Array.isArray(after);
  if (bothArrays) {
    const a = before as unknown[];
    const b = after as unknown[];
    const changes: JsonChange[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      changes.push(
        ...diffJson(i < a.length ? a[i] : undefined, i < b.length ? b[i] : undefined, `${path}/${i}`),
      );
    }
    return changes;
  }
  if (bothObjects) {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    return keys.flatMap((k) => diffJson(a[k], b[k], `${path}/${escapeToken(k)}`));
  }
  return [{ path, old: before, new: after }];
}

/** A value as shown in a change line: JSON, or "(absent)". */
export function showValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
