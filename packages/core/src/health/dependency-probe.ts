/**
 * Asks a dependency (the broker, the store) for a value without letting a dead one stall the caller:
 * one request in flight at a time, shared by every reader, and each read gives up after a timeout.
 * A broker that is down makes kafkajs retry for about a minute; scrapes and readiness checks must
 * answer in a second or two all the same, and must not pile up requests behind it.
 */
export interface DependencyProbe<T> {
  /** The value, or undefined when the dependency failed or did not answer in time. */
  read(): Promise<T | undefined>;
  /** Why the last read had no value (`undefined` after a success). */
  readonly lastError: string | undefined;
}

const TIMED_OUT = Symbol('timed out');

/** Wraps `source` in a single-flight, time-limited probe. */
export function createDependencyProbe<T>(source: () => Promise<T>, timeoutMs = 2000): DependencyProbe<T> {
  let inFlight: Promise<T> | undefined;
  let lastError: string | undefined;
  return {
    get lastError() {
      return lastError;
    },
    async read() {
      inFlight ??= source().finally(() => (inFlight = undefined));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
        timer.unref();
      });
      try {
        const result = await Promise.race([inFlight, timeout]);
        if (result === TIMED_OUT) {
          lastError = `no answer within ${timeoutMs} ms`;
          return undefined;
        }
        lastError = undefined;
        return result;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        return undefined;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
