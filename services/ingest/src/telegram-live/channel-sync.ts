/**
 * Bringing one channel up to date, the one place its checkpoint moves.
 *
 * Direction: oldest first. The first time a channel is seen, the backfill floor is chosen from
 * --since / --limit (one request each) and stored as the checkpoint; from then on every page asks
 * for the messages above the checkpoint, publishes them, and only after the bus has them moves the
 * checkpoint to the page's highest id. So the checkpoint is always "everything up to here is
 * published": a restart continues above it, with no gap and no repeat. (A crash between the bus
 * write and the checkpoint write re-publishes that one page; the store's upsert on (channel id,
 * message id) absorbs it.) The same path serves backfill, live updates and the watchdog.
 *
 * Edits: a message at or below the checkpoint whose edit date is newer than the one last published
 * is published again; the published edit dates are kept in the store, so a restart does not
 * re-publish edits it already sent.
 */
import type { IngestStateStore, Logger } from '@tg-risk/core';
import type { MessageV1 } from '@tg-risk/schemas';
import type { ChannelRef, HistoryPage, TelegramClientPort } from './client-port.ts';
import { referencesIn } from './discovery.ts';
import type { LiveIngestMetrics } from './metrics.ts';
import type { BadLiveMessage, LivePublisher } from './publisher.ts';

/** How far back a channel seen for the first time is filled in. */
export interface BackfillScope {
  /** Only messages posted at or after this time. */
  since: Date | null;
  /** Only the newest N messages (0: none, only new ones from now on); null: no count limit. */
  limit: number | null;
}

export interface ChannelSyncDeps {
  port: TelegramClientPort;
  state: IngestStateStore;
  publisher: LivePublisher;
  metrics: LiveIngestMetrics;
  logger: Logger;
  now: () => Date;
}

export interface ChannelSyncOptions {
  /** Messages per history request (Telegram returns at most 100). */
  pageSize: number;
  scope: BackfillScope;
}

/**
 * The checkpoint a channel starts from: the highest of the floors its scope asks for (0 = the whole
 * history). `--limit N` starts below the N-th newest message, `--since D` above the newest message
 * posted before D.
 */
export async function planFloor(
  port: TelegramClientPort,
  ref: ChannelRef,
  scope: BackfillScope,
): Promise<number> {
  let floor = 0;
  if (scope.limit !== null) {
    if (scope.limit === 0) floor = Math.max(floor, (await port.idOfNthNewest(ref, 1)) ?? 0);
    else floor = Math.max(floor, ((await port.idOfNthNewest(ref, scope.limit)) ?? 1) - 1);
  }
  if (scope.since !== null) floor = Math.max(floor, (await port.newestIdBefore(ref, scope.since)) ?? 0);
  return floor;
}

function badOf(page: HistoryPage['messages'], channelId: string): BadLiveMessage[] {
  return page.flatMap((m) =>
    m.kind === 'bad' ? [{ channelId, messageId: m.id, error: m.error, raw: m.raw }] : [],
  );
}

function recordsOf(page: HistoryPage['messages']): MessageV1[] {
  return page.flatMap((m) => (m.kind === 'message' ? [m.record] : []));
}

/** Catch-up and edit handling of followed channels. */
export class ChannelSync {
  constructor(
    private readonly deps: ChannelSyncDeps,
    private readonly options: ChannelSyncOptions,
  ) {}

  /** Creates the channel's checkpoint from the backfill scope when it has none. */
  async ensureCheckpoint(ref: ChannelRef): Promise<void> {
    if ((await this.deps.state.checkpoint(ref.id)) !== null) return;
    const floor = await planFloor(this.deps.port, ref, this.options.scope);
    const at = this.deps.now().toISOString();
    await this.deps.state.startCheckpoint({
      channelId: ref.id,
      lastMessageId: floor,
      floorId: floor,
      updatedAt: at,
    });
    this.deps.logger.info({ channelId: ref.id, floor }, 'backfill starts above message id');
  }

  /** Publishes every message above the checkpoint, page by page; returns how many were published. */
  async catchUp(ref: ChannelRef): Promise<number> {
    await this.ensureCheckpoint(ref);
    let last = (await this.deps.state.checkpoint(ref.id))!.lastMessageId;
    let published = 0;
    for (;;) {
      const page = await this.deps.port.getHistoryAfter(ref, last, this.options.pageSize);
      this.deps.metrics.add('pages');
      const fresh = page.messages.filter((m) => m.id > last);
      if (fresh.length === 0) {
        if (page.rawCount >= this.options.pageSize) {
          this.deps.logger.warn(
            { channelId: ref.id, after: last },
            'full history page without newer messages',
          );
        }
        return published;
      }
      published += await this.commit(ref, { ...page, messages: fresh });
      last = fresh[fresh.length - 1]!.id;
      if (page.rawCount < this.options.pageSize) return published;
    }
  }

  /** Publishes the messages of `page` (at or below the checkpoint) edited since last published. */
  async publishEdits(ref: ChannelRef, page: HistoryPage): Promise<number> {
    const checkpoint = await this.deps.state.checkpoint(ref.id);
    if (checkpoint === null) return 0;
    const edited = recordsOf(page.messages).filter(
      (r) =>
        r.edit_date !== null && r.message_id > checkpoint.floorId && r.message_id <= checkpoint.lastMessageId,
    );
    if (edited.length === 0) return 0;
    const marks = await this.deps.state.editMarks(
      ref.id,
      edited.map((r) => r.message_id),
    );
    const changed = edited.filter((r) => (marks.get(r.message_id) ?? '') < r.edit_date!);
    if (changed.length === 0) return 0;
    await this.deps.publisher.publish(changed);
    const at = this.deps.now().toISOString();
    await this.deps.state.recordProgress({
      channelId: ref.id,
      lastMessageId: checkpoint.lastMessageId,
      editMarks: changed.map((r) => ({ messageId: r.message_id, editDate: r.edit_date! })),
      references: [],
      sightings: page.channels.map((s) => ({ ...s, seenAt: at })),
      at,
    });
    this.deps.metrics.add('editsPublished', changed.length);
    return changed.length;
  }

  /** Publishes one page of new messages, then moves the checkpoint to its highest id. */
  private async commit(ref: ChannelRef, page: HistoryPage): Promise<number> {
    const at = this.deps.now().toISOString();
    const records = recordsOf(page.messages);
    const bad = badOf(page.messages, ref.id);
    const usernames = new Map(page.channels.map((c) => [c.channelId, c.username]));
    const ids = new Map(
      page.channels.flatMap((c) => (c.username ? [[c.username, c.channelId] as const] : [])),
    );
    const references = records.flatMap((r) =>
      referencesIn(
        r,
        (id) => usernames.get(id) ?? null,
        (name) => ids.get(name) ?? null,
        at,
      ),
    );
    await this.deps.publisher.publish(records, bad);
    await this.deps.state.recordProgress({
      channelId: ref.id,
      lastMessageId: page.messages[page.messages.length - 1]!.id,
      editMarks: records.flatMap((r) =>
        r.edit_date === null ? [] : [{ messageId: r.message_id, editDate: r.edit_date }],
      ),
      references,
      sightings: page.channels.map((s) => ({ ...s, seenAt: at })),
      at,
    });
    this.deps.metrics.add('messagesPublished', records.length);
    this.deps.metrics.add('badMessages', bad.length);
    return records.length;
  }
}
