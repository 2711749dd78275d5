/**
 * Keeps the review queues up to date with the store: takes the messages written since their last
 * projection (noted by triggers in the store), computes their queue keys and language, then
 * re-judges the channels they belong to. One sync at a time; main.ts runs it on an interval, tests
 * call sync() directly.
 */
import { createHash } from 'node:crypto';
import type { Logger, ReviewStore } from '@tg-risk/core';
import type { ReviewConfig } from '../config.ts';
import { judgeChannel } from '../domain/channel-verdict.ts';
import { guessLanguage } from '../domain/language-guess.ts';
import { queueEntry } from '../domain/queue-priority.ts';

export interface QueueProjector {
  /** Projects everything pending; resolves with how many messages and channels it touched. */
  sync(): Promise<{ messages: number; channels: number }>;
  /** Syncs every `intervalMs` until stop(). */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** The policy the projection was computed under: when bands or rule change, everything is re-queued. */
export function policyKey(config: Pick<ReviewConfig, 'bands' | 'rule'>): string {
  return createHash('sha256')
    .update(JSON.stringify({ version: 1, bands: config.bands, rule: config.rule }))
    .digest('hex');
}

export function createQueueProjector(
  store: ReviewStore,
  config: ReviewConfig,
  logger: Logger,
): QueueProjector {
  let running: Promise<{ messages: number; channels: number }> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const key = policyKey(config);

  async function syncOnce() {
    if (await store.ensurePolicy(key))
      logger.info('review policy changed (or first start): re-queuing every message');
    const channels = new Set<string>();
    let messages = 0;
    for (;;) {
      const { projected, channelIds } = await store.projectPending(config.projectionBatch, (pending) =>
        pending.map((p) => queueEntry(p, config.bands, guessLanguage(p.message.text))),
      );
      if (projected === 0) break;
      messages += projected;
      channelIds.forEach((id) => channels.add(id));
    }
    if (channels.size > 0) {
      await store.refreshChannels([...channels], (tallies) =>
        tallies.map((t) => judgeChannel(t, config.rule)),
      );
    }
    if (messages > 0) logger.info({ messages, channels: channels.size }, 'review queue updated');
    return { messages, channels: channels.size };
  }

  let queued: Promise<{ messages: number; channels: number }> | null = null;
  function sync(): Promise<{ messages: number; channels: number }> {
    if (!running) {
      running = syncOnce().finally(() => (running = null));
      return running;
    }
    // A caller during a sync may have written after it started: it gets the next one (shared).
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return sync();
      });
    return queued;
  }

  return {
    sync,
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => {
        sync().catch((error: unknown) => logger.error({ err: error }, 'review queue sync failed; retrying'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
