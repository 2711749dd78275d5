/**
 * Getting a listed (or discovered) channel ready to follow: its username is resolved once, ever
 * (the id and access hash are kept in the store; repeated ResolveUsername calls are what earns
 * multi-hour FLOOD_WAITs), its metadata is read (GetFullChannel, at most once per refresh period)
 * into a channel.v1 record, and it is registered as followed. A channel that cannot be followed is
 * reported with the reason and skipped; a username that did not resolve is not asked about again
 * before the retry period is over.
 */
import type { ChannelUnavailableReason, FollowOrigin, IngestStateStore, Logger } from '@tg-risk/core';
import type { ChannelV1 } from '@tg-risk/schemas';
import { channelRecord } from './channel-record.ts';
import { ChannelUnavailableError, type ChannelRef, type TelegramClientPort } from './client-port.ts';
import { FloodWaitTooLongError } from './flood-policy.ts';
import type { LiveIngestMetrics } from './metrics.ts';

/** A channel being followed. */
export interface LiveChannel {
  ref: ChannelRef;
  origin: FollowOrigin;
  depth: number;
  record: ChannelV1;
}

/** Why a channel was skipped: Telegram's answer, a rename, or a flood wait too long to sit out. */
export type SkipReason = ChannelUnavailableReason | 'renamed' | 'flood_wait';

/** What happened to one channel. */
export type SetupOutcome =
  | { kind: 'ready'; channel: LiveChannel }
  | { kind: 'skipped'; channel: string; reason: SkipReason; detail: string };

export interface ChannelSetupDeps {
  port: TelegramClientPort;
  state: IngestStateStore;
  metrics: LiveIngestMetrics;
  logger: Logger;
  now: () => Date;
}

export interface ChannelSetupOptions {
  /** Metadata older than this is read again (default 24 h). */
  refreshMetadataMs: number;
  /** A username that did not resolve is tried again after this long (default 24 h; 0: every run). */
  retryUnavailableMs: number;
}

/** Who asks for the channel: its origin in the follow graph. */
export interface SetupRequest {
  username: string;
  origin: FollowOrigin;
  depth: number;
  parentChannelId: string | null;
}

function skipped(channel: string, reason: SkipReason, detail: string): SetupOutcome {
  return { kind: 'skipped', channel, reason, detail };
}

/** Resolves and describes channels for following. */
export class ChannelSetup {
  /** Access hashes of linked discussion groups learnt from GetFullChannel, by parent channel id. */
  private readonly linkedHashes = new Map<string, string>();

  constructor(
    private readonly deps: ChannelSetupDeps,
    private readonly options: ChannelSetupOptions,
  ) {}

  /** Prepares the channel with `request.username`. Unexpected errors (auth, bugs) propagate. */
  async setup(request: SetupRequest): Promise<SetupOutcome> {
    const name = `@${request.username}`;
    try {
      const ref = await this.resolveOnce(request.username);
      if ('kind' in ref) return ref;
      const record = await this.metadata(ref, null);
      const current = record.username?.toLowerCase() ?? null;
      const names = [record.username, ...record.usernames].flatMap((n) => (n ? [n.toLowerCase()] : []));
      if (!names.includes(request.username.toLowerCase())) {
        return skipped(
          name,
          'renamed',
          current === null
            ? 'the channel no longer has a public username; its history so far is kept'
            : `the channel is now @${record.username}; put that in the channel list (following resumes from the checkpoint)`,
        );
      }
      return { kind: 'ready', channel: await this.register(ref, record, request) };
    } catch (error) {
      return this.skipOrThrow(name, error);
    }
  }

  /** Prepares the discussion group linked to a ready channel, when it has one we may read. */
  async setupDiscussion(parent: LiveChannel): Promise<SetupOutcome | null> {
    const linkedId = parent.record.linked_chat_id;
    if (linkedId === null || parent.record.discussion_of !== null) return null;
    const name = `discussion group ${linkedId} of @${parent.ref.username ?? parent.ref.id}`;
    const known = (await this.deps.state.followed()).find((f) => f.channelId === linkedId);
    const hash = this.linkedHashes.get(parent.ref.id) ?? known?.accessHash ?? null;
    if (hash === null)
      return skipped(name, 'private', 'Telegram gave no access hash for the discussion group');
    const ref: ChannelRef = { id: linkedId, accessHash: hash, username: null, title: null };
    try {
      const record = await this.metadata(ref, parent.ref.id);
      const request: SetupRequest = {
        username: record.username ?? linkedId,
        origin: 'discussion',
        depth: parent.depth,
        parentChannelId: parent.ref.id,
      };
      return { kind: 'ready', channel: await this.register(ref, record, request) };
    } catch (error) {
      return this.skipOrThrow(name, error);
    }
  }

  /** The cached id and access hash for a username, resolving it the first time only. */
  private async resolveOnce(username: string): Promise<ChannelRef | SetupOutcome> {
    const key = username.toLowerCase();
    const cached = await this.deps.state.resolved(key);
    if (cached) {
      this.deps.metrics.add('resolveCacheHits');
      return { id: cached.channelId, accessHash: cached.accessHash, username, title: null };
    }
    const failure = await this.deps.state.resolveFailure(key);
    const now = this.deps.now();
    if (failure && now.getTime() - Date.parse(failure.failedAt) < this.options.retryUnavailableMs) {
      return skipped(
        `@${username}`,
        failure.reason,
        `${failure.detail} (as of ${failure.failedAt}; not asked again yet)`,
      );
    }
    try {
      this.deps.metrics.add('resolves');
      const info = await this.deps.port.resolveUsername(username);
      await this.deps.state.saveResolved({
        usernameKey: key,
        channelId: info.id,
        accessHash: info.accessHash,
        resolvedAt: now.toISOString(),
      });
      return { id: info.id, accessHash: info.accessHash, username, title: info.title };
    } catch (error) {
      if (error instanceof ChannelUnavailableError) {
        await this.deps.state.saveResolveFailure({
          usernameKey: key,
          reason: error.reason,
          detail: error.message,
          failedAt: now.toISOString(),
        });
      }
      throw error;
    }
  }

  /** The channel.v1 record: the stored one while fresh, else read from Telegram and stored. */
  private async metadata(ref: ChannelRef, discussionOf: string | null): Promise<ChannelV1> {
    const stored = await this.deps.state.channelRecord(ref.id);
    const now = this.deps.now();
    if (stored && now.getTime() - Date.parse(stored.updatedAt) < this.options.refreshMetadataMs)
      return stored.record;
    const info = await this.deps.port.getFullChannel(ref);
    const record = channelRecord(info, now, discussionOf);
    await this.deps.state.saveChannelRecord(record, now.toISOString());
    if (info.linkedChat?.accessHash && discussionOf === null)
      this.linkedHashes.set(ref.id, info.linkedChat.accessHash);
    return record;
  }

  private async register(ref: ChannelRef, record: ChannelV1, request: SetupRequest): Promise<LiveChannel> {
    const channelRef: ChannelRef = { ...ref, username: record.username ?? ref.username, title: record.title };
    await this.deps.state.follow({
      channelId: ref.id,
      accessHash: ref.accessHash,
      username: record.username,
      title: record.title,
      origin: request.origin,
      depth: request.depth,
      parentChannelId: request.parentChannelId,
      addedAt: this.deps.now().toISOString(),
    });
    this.deps.metrics.add('channelsFollowed');
    return { ref: channelRef, origin: request.origin, depth: request.depth, record };
  }

  private skipOrThrow(name: string, error: unknown): SetupOutcome {
    if (error instanceof ChannelUnavailableError) return skipped(name, error.reason, error.message);
    if (error instanceof FloodWaitTooLongError) return skipped(name, 'flood_wait', error.message);
    throw error;
  }
}
