/**
 * Structured JSON logs (pino) on stderr, so stdout stays free for JSONL output. Secret fields and
 * registered secret values are redacted at any depth, in the log object and in the message
 * (redact.ts); pino's own path-based redaction only reaches the depths it is told about.
 */
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { redactDeep, redactString } from './redact.ts';

export type { Logger };

/** Creates the process logger writing to stderr (fd 2), or to `destination` (tests). */
export function createLogger(
  level: LevelWithSilent,
  name = 'tgrisk',
  destination: DestinationStream = pino.destination({ fd: 2, sync: true }),
): Logger {
  return pino(
    {
      name,
      level,
      base: { service: name },
      formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
      hooks: {
        // The message string is not part of the object the formatter sees.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? redactString(arg) : arg)) as Parameters<
              typeof method
            >,
          );
        },
      },
    },
    destination,
  );
}

/** A logger that drops everything, for tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
