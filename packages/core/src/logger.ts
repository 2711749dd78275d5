/**
 * Structured JSON logs (pino) on stderr, so stdout stays free for JSONL output. Known secret fields
 * are redacted wherever they appear in a log object.
 */
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** Field names whose values never reach a log line. */
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

/** Creates the process logger writing to stderr (fd 2). */
export function createLogger(level: LevelWithSilent, name = 'tgrisk'): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: '[redacted]' },
      base: { service: name },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}

/** A logger that drops everything, for tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
