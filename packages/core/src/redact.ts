/**
 * Keeps secrets out of log lines at any depth: values under known secret field names are replaced,
 * and registered secret values (the session string and API hash actually in use) are cut out of
 * every string, so a secret quoted inside an error message or a nested object is caught too.
 */

/** Field names (compared case-insensitively) whose values never reach a log line. */
export const REDACTED_FIELDS = [
  'session',
  'sessionString',
  'apiHash',
  'api_hash',
  'password',
  'token',
  'authorization',
  'TG_SESSION',
  'TG_API_HASH',
];

export const CENSOR = '[redacted]';

const redactedKeys = new Set(REDACTED_FIELDS.map((f) => f.toLowerCase()));
const secretValues = new Set<string>();

/** Nesting past this depth is summarised, not walked: log objects are shallow in practice. */
const MAX_DEPTH = 12;

/**
 * Registers a secret value to be cut out of every log string from now on. Values shorter than 8
 * characters are ignored: cutting them would mangle ordinary words and they are not credentials.
 */
export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.trim().length >= 8) secretValues.add(value.trim());
}

/** For tests: forgets registered secret values. */
export function clearRegisteredSecrets(): void {
  secretValues.clear();
}

/** Cuts registered secret values out of a string. */
export function redactString(text: string): string {
  let out = text;
  for (const secret of secretValues) if (out.includes(secret)) out = out.split(secret).join(CENSOR);
  return out;
}

/** A copy of `value` with secret fields and registered secret values replaced; cycles become "[circular]". */
export function redactDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  seen.add(value);
  if (value instanceof Error) {
    const copy: Record<string, unknown> = {
      type: value.name,
      message: redactString(value.message),
      ...(value.stack ? { stack: redactString(value.stack) } : {}),
    };
    for (const [key, inner] of Object.entries(value))
      copy[key] = redactedKeys.has(key.toLowerCase()) ? CENSOR : redactDeep(inner, depth + 1, seen);
    return copy;
  }
  if (Array.isArray(value)) return value.map((inner) => redactDeep(inner, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    copy[key] = redactedKeys.has(key.toLowerCase()) ? CENSOR : redactDeep(inner, depth + 1, seen);
  return copy;
}
