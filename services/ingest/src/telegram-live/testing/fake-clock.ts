/** A clock for tests: sleeping returns at once and moves the time forward; every sleep is recorded. */
import { IngestStoppedError, type Clock } from '../clock.ts';

/** The fake clock, with the sleeps it was asked for. */
export interface FakeClock extends Clock {
  readonly sleeps: number[];
}

/** Creates a fake clock starting at `start` (ms since the epoch). */
export function createFakeClock(start = Date.parse('2025-01-01T00:00:00Z')): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      if (signal?.aborted) throw new IngestStoppedError();
      sleeps.push(ms);
      now += ms;
      // Yield so concurrent tasks interleave as they would around a real timer.
      await Promise.resolve();
    },
  };
}
