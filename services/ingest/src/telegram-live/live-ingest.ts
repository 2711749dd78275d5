/**
 * Live ingestion of a channel list: set every channel up (resolve once, channel.v1), backfill it
 * oldest first from its checkpoint, optionally add discovered channels, then follow: live updates
 * trigger catch-ups, and a watchdog polls every channel on a schedule. All requests pass one flood
 * gate; each channel's work runs in its own serial queue. A channel that fails is reported and the
 * others go on; only an invalid session stops the run.
 */
import {
  describeError,
  type IngestStateStore,
  type LabelStore,
  type Logger,
  type MessageSink,
} from '@tg-risk/core';
import type { ConfigV1 } from '@tg-risk/schemas';
import type { ChannelListEntry } from './channel-list.ts';
import { ChannelQueue } from './channel-queue.ts';
import { ChannelSetup, type LiveChannel, type SetupOutcome, type SetupRequest } from './channel-setup.ts';
import { ChannelSync, type BackfillScope } from './channel-sync.ts';
import {
  ChannelUnavailableError,
  TelegramAuthError,
  type LiveUpdate,
  type TelegramClientPort,
} from './client-port.ts';
import { IngestStoppedError, systemClock, type Clock } from './clock.ts';
import { followDiscovered } from './discovery-rounds.ts';
import {
  DEFAULT_FLOOD_POLICY,
  FloodGate,
  FloodWaitTooLongError,
  type FloodPolicyOptions,
} from './flood-policy.ts';
import { guardPort } from './guarded-port.ts';
import { createLiveIngestMetrics, type LiveIngestCounts, type LiveIngestMetrics } from './metrics.ts';
import { createLivePublisher } from './publisher.ts';
import { inShard, NO_SHARD, type Shard } from './sharding.ts';
import { Watchdog } from './watchdog.ts';

export interface LiveIngestOptions {
  /** Messages per history request (at most 100). */
  pageSize: number;
  scope: BackfillScope;
  /** Keep following after the backfill (false: catch up once and return, e.g. from cron). */
  follow: boolean;
  /** Time between two watchdog sweeps over every followed channel. */
  pollIntervalMs: number;
  /** Newest messages read per channel by the watchdog (the window in which edits are seen). */
  recentWindow: number;
  /** Also follow each channel's linked discussion group (comments). */
  discussions: boolean;
  /** Follow referenced channels too, up to this depth and this many per run; null: do not. */
  discovery: { maxDepth: number; maxCount: number } | null;
  refreshMetadataMs: number;
  retryUnavailableMs: number;
  shard: Shard;
  flood: FloodPolicyOptions;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_LIVE_OPTIONS: LiveIngestOptions = {
  pageSize: 100,
  scope: { since: null, limit: 1000 },
  follow: true,
  pollIntervalMs: 5 * 60 * 1000,
  recentWindow: 20,
  discussions: false,
  discovery: null,
  refreshMetadataMs: DAY_MS,
  retryUnavailableMs: DAY_MS,
  shard: NO_SHARD,
  flood: DEFAULT_FLOOD_POLICY,
};

export interface LiveIngestDeps {
  /** The Telegram client, unguarded: the flood gate is added here. */
  port: TelegramClientPort;
  state: IngestStateStore;
  sink: MessageSink;
  topics: Pick<ConfigV1['topics'], 'messages' | 'deadLetters'>;
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  metrics?: LiveIngestMetrics;
  deadLetterStore?: Pick<LabelStore, 'saveDeadLetters'>;
  /** Followed channels with labelled messages, for ranking discovered channels. */
  labelFlagged?: () => Promise<ReadonlySet<string>>;
}

/** What happened to one channel in this run. */
export interface ChannelReport {
  channel: string;
  channelId: string | null;
  status: 'followed' | 'failed' | Extract<SetupOutcome, { kind: 'skipped' }>['reason'];
  detail?: string;
  origin: SetupRequest['origin'];
  depth: number;
}

export interface LiveIngestReport {
  channels: ChannelReport[];
  counts: LiveIngestCounts;
}

/** One live ingestion run. */
export class LiveIngest {
  readonly metrics: LiveIngestMetrics;
  private readonly port: TelegramClientPort;
  private readonly clock: Clock;
  private readonly controller = new AbortController();
  private readonly channels = new Map<string, LiveChannel>();
  private readonly reports = new Map<string, ChannelReport>();
  private readonly pendingEdits = new Map<string, Set<number>>();
  private readonly queue: ChannelQueue;
  private readonly setup: ChannelSetup;
  private readonly sync: ChannelSync;
  private readonly watchdog: Watchdog;
  private fatal: Error | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly deps: LiveIngestDeps,
    private readonly options: LiveIngestOptions = DEFAULT_LIVE_OPTIONS,
  ) {
    this.metrics = deps.metrics ?? createLiveIngestMetrics();
    this.clock = deps.clock ?? systemClock;
    const now = () => new Date(this.clock.now());
    const gate = new FloodGate(
      {
        clock: this.clock,
        random: deps.random ?? Math.random,
        metrics: this.metrics,
        logger: deps.logger,
        signal: this.controller.signal,
      },
      options.flood,
    );
    this.port = guardPort(deps.port, gate);
    const common = { port: this.port, state: deps.state, metrics: this.metrics, logger: deps.logger, now };
    const publisher = createLivePublisher(
      {
        sink: deps.sink,
        now,
        logger: deps.logger,
        ...(deps.deadLetterStore ? { deadLetterStore: deps.deadLetterStore } : {}),
      },
      deps.topics,
    );
    this.setup = new ChannelSetup(common, options);
    this.sync = new ChannelSync({ ...common, publisher }, options);
    this.watchdog = new Watchdog({ ...common, sync: this.sync }, options.recentWindow);
    this.queue = new ChannelQueue((channelId, error) => this.onChannelError(channelId, error));
  }

  /** Runs until the backfill is done (follow: false) or `signal` aborts; throws only for a bad session. */
  async run(entries: readonly ChannelListEntry[], signal?: AbortSignal): Promise<LiveIngestReport> {
    signal?.addEventListener('abort', () => this.controller.abort(), { once: true });
    try {
      await this.start(entries).catch((error: unknown) => {
        if (!(error instanceof IngestStoppedError)) throw error;
      });
      // A one-shot run (cron) still looks at each channel's newest messages once, for recent edits.
      if (!this.options.follow && !this.controller.signal.aborted) await this.sweep();
      while (this.options.follow && !this.controller.signal.aborted) {
        try {
          await this.clock.sleep(this.options.pollIntervalMs, this.controller.signal);
        } catch (error) {
          if (error instanceof IngestStoppedError) break;
          throw error;
        }
        await this.sweep();
      }
    } finally {
      await this.stop();
    }
    if (this.fatal) throw this.fatal;
    return this.report();
  }

  /**
   * Subscribes to live updates (when following), sets every channel of this shard up, backfills
   * them, and follows discovered channels; resolves when that is done.
   */
  async start(entries: readonly ChannelListEntry[]): Promise<void> {
    if (this.options.follow) this.unsubscribe ??= this.port.onUpdate((u) => this.onUpdate(u));
    for (const entry of entries) {
      if (this.controller.signal.aborted) break;
      if (!inShard(entry.key, this.options.shard)) continue;
      await this.add({ username: entry.username, origin: 'list', depth: 0, parentChannelId: null });
    }
    await this.queue.idle();
    if (this.options.discovery && !this.controller.signal.aborted)
      await followDiscovered(
        {
          state: this.deps.state,
          shard: this.options.shard,
          ...(this.deps.labelFlagged ? { labelFlagged: this.deps.labelFlagged } : {}),
          follow: (request) => this.add(request),
          idle: () => this.queue.idle(),
          stopped: () => this.controller.signal.aborted,
        },
        this.options.discovery,
      );
  }

  /** Stops listening to updates and waits for queued work to finish. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.queue.idle();
  }

  /** One watchdog pass over every followed channel (the follow loop calls it every poll interval). */
  async sweep(): Promise<void> {
    for (const channel of this.channels.values()) {
      this.task(channel, 'watchdog', () => this.watchdog.check(channel.ref));
    }
    await this.queue.idle();
    this.metrics.add('watchdogSweeps');
    this.deps.logger.info({ ...this.metrics.counts }, 'watchdog sweep done');
  }

  /** Resolves when every queued channel task has finished (for tests driving updates). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** The per-channel outcomes and counters so far. */
  report(): LiveIngestReport {
    return { channels: [...this.reports.values()], counts: { ...this.metrics.counts } };
  }

  private async add(request: SetupRequest): Promise<boolean> {
    let outcome: SetupOutcome;
    try {
      outcome = await this.setup.setup(request);
    } catch (error) {
      // A bad session or a stop ends the run; anything else fails this channel only.
      if (error instanceof TelegramAuthError || error instanceof IngestStoppedError) throw error;
      const { code, message } = describeError(error);
      const channel = `@${request.username}`;
      this.deps.logger.warn({ channel, code }, `${channel}: ${message}`);
      this.reports.set(channel, {
        channel,
        channelId: null,
        status: 'failed',
        detail: message,
        origin: request.origin,
        depth: request.depth,
      });
      return false;
    }
    if (!this.accept(outcome, request.origin, request.depth)) return false;
    if (this.options.discussions && outcome.kind === 'ready') {
      const discussion = await this.setup.setupDiscussion(outcome.channel);
      if (discussion) this.accept(discussion, 'discussion', request.depth);
    }
    return true;
  }

  /** Records a setup outcome; a ready channel is followed and its backfill queued. */
  private accept(outcome: SetupOutcome, origin: SetupRequest['origin'], depth: number): boolean {
    if (outcome.kind === 'skipped') {
      this.metrics.add('channelsSkipped');
      this.deps.logger.warn({ channel: outcome.channel, reason: outcome.reason }, outcome.detail);
      this.reports.set(outcome.channel, {
        channel: outcome.channel,
        channelId: null,
        status: outcome.reason,
        detail: outcome.detail,
        origin,
        depth,
      });
      return false;
    }
    const channel = outcome.channel;
    this.channels.set(channel.ref.id, channel);
    this.reports.set(channel.ref.id, {
      channel: channel.ref.username ? `@${channel.ref.username}` : channel.ref.id,
      channelId: channel.ref.id,
      status: 'followed',
      origin: channel.origin,
      depth: channel.depth,
    });
    this.task(channel, 'catch-up', () => this.sync.catchUp(channel.ref));
    return true;
  }

  /** Queues work for a channel; success clears an earlier failure from its report. */
  private task(channel: LiveChannel, key: string, work: () => Promise<unknown>): void {
    this.queue.enqueue(channel.ref.id, key, async () => {
      await work();
      const report = this.reports.get(channel.ref.id);
      if (report?.status === 'failed') {
        report.status = 'followed';
        delete report.detail;
      }
    });
  }

  private onUpdate(update: LiveUpdate): void {
    const channel = this.channels.get(update.channelId);
    if (!channel) return;
    this.metrics.add('updates');
    if (update.kind === 'new') {
      this.task(channel, 'catch-up', () => this.sync.catchUp(channel.ref));
      return;
    }
    const ids = this.pendingEdits.get(channel.ref.id) ?? new Set<number>();
    ids.add(update.messageId);
    this.pendingEdits.set(channel.ref.id, ids);
    this.task(channel, 'edits', async () => {
      const batch = [...ids];
      this.pendingEdits.delete(channel.ref.id);
      // Re-read: the page carries the forward origin's name, and the newest version if edited twice.
      const page = await this.port.getMessages(channel.ref, batch);
      await this.sync.publishEdits(channel.ref, page);
    });
  }

  private onChannelError(channelId: string, error: unknown): void {
    if (error instanceof IngestStoppedError) return;
    const channel = this.channels.get(channelId);
    const name = channel?.ref.username ? `@${channel.ref.username}` : channelId;
    const report = this.reports.get(channelId);
    if (error instanceof TelegramAuthError) {
      this.fatal ??= error;
      this.controller.abort();
      return;
    }
    if (error instanceof ChannelUnavailableError) {
      // Private, banned or gone since it was set up: stop following it; the others go on.
      this.channels.delete(channelId);
      this.metrics.add('channelsSkipped');
      if (report) Object.assign(report, { status: error.reason, detail: error.message });
      this.deps.logger.warn({ channel: name, reason: error.reason }, error.message);
      return;
    }
    const { code, message } = describeError(error);
    if (report && !(error instanceof FloodWaitTooLongError))
      Object.assign(report, { status: 'failed', detail: message });
    this.deps.logger.warn({ channel: name, code }, `${name}: ${message}; trying again on the next sweep`);
  }
}
