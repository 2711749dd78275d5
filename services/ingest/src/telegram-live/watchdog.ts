/**
 * The watchdog. gramjs's update stream is known to stop silently on large channels, and channels
 * the account has not joined send no updates at all; so on a schedule each followed channel's
 * newest messages are read (one request), and when the newest id is above the checkpoint the
 * channel is caught up through the normal path. A stalled stream costs one poll interval, not
 * messages. The same page also carries recent edits, which are published when newer than the last
 * published version.
 */
import type { IngestStateStore, Logger } from '@tg-risk/core';
import type { ChannelSync } from './channel-sync.ts';
import type { ChannelRef, TelegramClientPort } from './client-port.ts';
import type { LiveIngestMetrics } from './metrics.ts';

export interface WatchdogDeps {
  port: TelegramClientPort;
  state: IngestStateStore;
  sync: ChannelSync;
  metrics: LiveIngestMetrics;
  logger: Logger;
}

/** Compares a channel's newest message id with the last one published, and fills any gap. */
export class Watchdog {
  constructor(
    private readonly deps: WatchdogDeps,
    /** Newest messages read per check (also the window in which edits are noticed). */
    private readonly recentWindow: number,
  ) {}

  /** Checks one channel; returns the messages it published that the update stream had not delivered. */
  async check(ref: ChannelRef): Promise<number> {
    const latest = await this.deps.port.getLatest(ref, this.recentWindow);
    const newest = latest.messages.at(-1)?.id ?? 0;
    const checkpoint = await this.deps.state.checkpoint(ref.id);
    let filled = 0;
    if (checkpoint !== null && newest > checkpoint.lastMessageId) {
      filled = await this.deps.sync.catchUp(ref);
      if (filled > 0) {
        this.deps.metrics.add('watchdogGapMessages', filled);
        this.deps.logger.info(
          { channelId: ref.id, from: checkpoint.lastMessageId, to: newest, messages: filled },
          'watchdog filled a gap the update stream left',
        );
      }
    }
    await this.deps.sync.publishEdits(ref, latest);
    return filled;
  }
}
