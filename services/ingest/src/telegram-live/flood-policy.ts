/**
 * How live ingestion talks to Telegram without hammering it. Every request goes through one gate:
 *
 * - pacing: at least `minIntervalMs` between two requests of this process;
 * - FLOOD_WAIT_X: Telegram's limits are per method, so the method is blocked for X seconds plus
 *   jitter, and the call is retried after the wait. The jitter is uniform in
 *   [0, min(30 s, max(1 s, X/10))]: shard processes that hit the same limit together do not all
 *   come back in the same second (AWS Architecture Blog, "Exponential Backoff and Jitter", 2015);
 * - a wait longer than `maxWaitSeconds` is not sat out: the call fails with FLOOD_WAIT_TOO_LONG and
 *   later calls of that method fail at once until the wait is over, without asking Telegram again
 *   (repeated ResolveUsername calls during a wait are what turns minutes into hours);
 * - transient failures (connection drops, server errors) are retried with exponential backoff.
 */
import { backoffDelayMs, TgRiskError, type Logger } from '@tg-risk/core';
import { TelegramFloodWaitError } from './client-port.ts';
import type { Clock } from './clock.ts';
import type { LiveIngestMetrics } from './metrics.ts';

export interface FloodPolicyOptions {
  /** Longest FLOOD_WAIT sat out; longer ones fail the call (default 900 s). */
  maxWaitSeconds: number;
  /** Least time between two requests of this process (default 250 ms). */
  minIntervalMs: number;
  /** Tries of a call that fails transiently (default 5). */
  maxAttempts: number;
}

export const DEFAULT_FLOOD_POLICY: FloodPolicyOptions = {
  maxWaitSeconds: 900,
  minIntervalMs: 250,
  maxAttempts: 5,
};

export interface FloodGateDeps {
  clock: Clock;
  random: () => number;
  metrics: LiveIngestMetrics;
  logger: Logger;
  /** Aborting it ends every wait at once. */
  signal?: AbortSignal;
}

/** A FLOOD_WAIT too long to sit out; the method stays blocked until `until`. */
export class FloodWaitTooLongError extends TgRiskError {
  constructor(
    readonly method: string,
    readonly seconds: number,
    readonly until: number,
  ) {
    super(
      'TELEGRAM_FLOOD_WAIT_TOO_LONG',
      `Telegram blocks ${method} for ${seconds} s, more than --max-flood-wait; skipped until ${new Date(until).toISOString()}`,
      { context: { method, seconds } },
    );
    this.name = 'FloodWaitTooLongError';
  }
}

const MAX_FLOODS_PER_CALL = 10;

/** Jitter added to a FLOOD_WAIT of `seconds`, in ms (see the module comment). */
export function floodJitterMs(seconds: number, random: () => number): number {
  const ceiling = Math.min(30_000, Math.max(1_000, seconds * 100));
  return Math.round(random() * ceiling);
}

/** The request gate of one process. */
export class FloodGate {
  private readonly blockedUntil = new Map<string, number>();
  private nextSlot = 0;

  constructor(
    private readonly deps: FloodGateDeps,
    private readonly options: FloodPolicyOptions = DEFAULT_FLOOD_POLICY,
  ) {}

  /** Runs `request` (a call of Telegram method `method`) under the policy. */
  async call<T>(method: string, request: () => Promise<T>): Promise<T> {
    let floods = 0;
    for (let attempt = 1; ; attempt++) {
      await this.waitForMethod(method);
      await this.pace();
      this.deps.metrics.add('requests');
      try {
        return await request();
      } catch (error) {
        if (error instanceof TelegramFloodWaitError) {
          // Waiting is the answer, but a method that floods again after every wait is given up on.
          if (++floods > MAX_FLOODS_PER_CALL) throw error;
          this.onFloodWait(method, error.seconds);
          continue;
        }
        const retriable = error instanceof TgRiskError && error.retriable;
        if (!retriable || attempt >= this.options.maxAttempts) throw error;
        const delay = backoffDelayMs(attempt, 1_000, 60_000, this.deps.random);
        this.deps.logger.warn(
          { method, attempt, delayMs: delay, err: error },
          'Telegram request failed; retrying',
        );
        await this.deps.clock.sleep(delay, this.deps.signal);
      }
    }
  }

  private onFloodWait(method: string, seconds: number): void {
    this.deps.metrics.add('floodWaits');
    this.deps.metrics.add('floodWaitSeconds', seconds);
    const until = this.deps.clock.now() + seconds * 1000 + floodJitterMs(seconds, this.deps.random);
    this.blockedUntil.set(method, Math.max(until, this.blockedUntil.get(method) ?? 0));
    this.deps.logger.warn(
      { method, seconds },
      `FLOOD_WAIT: Telegram asks to wait ${seconds} s before ${method}`,
    );
  }

  private async waitForMethod(method: string): Promise<void> {
    const until = this.blockedUntil.get(method);
    if (until === undefined) return;
    const remaining = until - this.deps.clock.now();
    if (remaining <= 0) {
      this.blockedUntil.delete(method);
      return;
    }
    if (remaining > this.options.maxWaitSeconds * 1000) {
      throw new FloodWaitTooLongError(method, Math.ceil(remaining / 1000), until);
    }
    await this.deps.clock.sleep(remaining, this.deps.signal);
    this.blockedUntil.delete(method);
  }

  private async pace(): Promise<void> {
    const now = this.deps.clock.now();
    const wait = this.nextSlot - now;
    this.nextSlot = Math.max(now, this.nextSlot) + this.options.minIntervalMs;
    if (wait > 0) await this.deps.clock.sleep(wait, this.deps.signal);
  }
}
