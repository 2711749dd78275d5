import { describe, expect, it } from 'vitest';
import { silentLogger, TransientError } from '@tg-risk/core';
import { TelegramFloodWaitError } from './client-port.ts';
import { FloodGate, floodJitterMs, FloodWaitTooLongError } from './flood-policy.ts';
import { createLiveIngestMetrics } from './metrics.ts';
import { createFakeClock } from './testing/fake-clock.ts';

function gate(options = { maxWaitSeconds: 900, minIntervalMs: 0, maxAttempts: 3 }, random = () => 0) {
  const clock = createFakeClock(0);
  const metrics = createLiveIngestMetrics();
  return { clock, metrics, gate: new FloodGate({ clock, random, metrics, logger: silentLogger() }, options) };
}

/** A request failing with the given errors first, then answering "ok". */
function flaky(...errors: Error[]) {
  let calls = 0;
  return {
    calls: () => calls,
    run: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return 'ok';
    },
  };
}

describe('FloodGate', () => {
  it('jitter is uniform up to a tenth of the wait, at least 1 s and at most 30 s', () => {
    expect(floodJitterMs(5, () => 1)).toBe(1_000);
    expect(floodJitterMs(120, () => 1)).toBe(12_000);
    expect(floodJitterMs(86_400, () => 1)).toBe(30_000);
    expect(floodJitterMs(120, () => 0)).toBe(0);
  });

  it('waits out a FLOOD_WAIT and counts it, including Telegram premium waits', async () => {
    const { clock, metrics, gate: g } = gate();
    const request = flaky(
      new TelegramFloodWaitError('messages.GetHistory', 12),
      new TelegramFloodWaitError('messages.GetHistory', 3),
    );
    expect(await g.call('messages.GetHistory', request.run)).toBe('ok');
    expect(clock.sleeps).toEqual([12_000, 3_000]);
    expect(metrics.counts).toMatchObject({ floodWaits: 2, floodWaitSeconds: 15, requests: 3 });
  });

  it('blocks only the flooded method', async () => {
    const { clock, gate: g } = gate();
    await g.call(
      'contacts.ResolveUsername',
      flaky(new TelegramFloodWaitError('contacts.ResolveUsername', 60)).run,
    );
    clock.sleeps.length = 0;
    expect(await g.call('messages.GetHistory', flaky().run)).toBe('ok');
    expect(clock.sleeps).toEqual([]);
  });

  it('fails a wait beyond the maximum at once and keeps failing the method without calling Telegram', async () => {
    const { clock, gate: g } = gate();
    const first = flaky(new TelegramFloodWaitError('contacts.ResolveUsername', 3600));
    await expect(g.call('contacts.ResolveUsername', first.run)).rejects.toBeInstanceOf(FloodWaitTooLongError);
    const second = flaky();
    await expect(g.call('contacts.ResolveUsername', second.run)).rejects.toThrow(
      /blocks contacts.ResolveUsername for 3600 s/,
    );
    expect([first.calls(), second.calls(), clock.sleeps.length]).toEqual([1, 0, 0]);
  });

  it('paces requests and retries transient failures with backoff, up to maxAttempts', async () => {
    const { clock, gate: g } = gate({ maxWaitSeconds: 900, minIntervalMs: 250, maxAttempts: 2 }, () => 0.5);
    await g.call('m', flaky().run);
    await g.call('m', flaky().run);
    expect(clock.sleeps).toEqual([250]);
    const down = new TransientError('TELEGRAM_CONNECTION', 'connection reset');
    const request = flaky(down, down);
    await expect(g.call('m', request.run)).rejects.toBe(down);
    expect(request.calls()).toBe(2);
  });
});
