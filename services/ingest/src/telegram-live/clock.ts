/** Time as live ingestion sees it: injectable, so flood waits and schedules are testable without waiting. */
import { TgRiskError } from '@tg-risk/core';

/** Reads the time and sleeps; `sleep` ends early (rejecting with IngestStoppedError) when `signal` aborts. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Live ingestion was asked to stop (SIGINT/SIGTERM) while it waited. */
export class IngestStoppedError extends TgRiskError {
  constructor() {
    super('INGEST_STOPPED', 'live ingestion stopped');
    this.name = 'IngestStoppedError';
  }
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new IngestStoppedError());
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new IngestStoppedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};
