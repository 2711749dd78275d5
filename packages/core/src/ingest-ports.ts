/**
 * The port of live ingestion's durable state: which usernames were resolved to which channel id and
 * access hash (so `ResolveUsername` runs once per name, ever), how far each channel has been
 * published (the checkpoint that makes a restart resume without gap or repeat), the edit dates
 * already published, and the channel references that discovery ranks. SQLite implements it in
 * @tg-risk/store; ingestion logic sees only this interface.
 */
import type { ChannelV1 } from '@tg-risk/schemas';

/** Why a channel cannot be followed. */
export type ChannelUnavailableReason = 'not_found' | 'private' | 'banned' | 'not_a_channel';

/** A username resolved once to the id and access hash every later request uses. */
export interface ResolvedChannelEntry {
  /** Lower-case username without @: the cache key (Telegram usernames are case-insensitive). */
  usernameKey: string;
  channelId: string;
  /** Telegram's signed 64-bit access hash as a decimal string. */
  accessHash: string;
  resolvedAt: string;
}

/** A username that did not resolve, kept so a restart does not ask Telegram again at once. */
export interface ResolveFailure {
  usernameKey: string;
  reason: ChannelUnavailableReason;
  detail: string;
  failedAt: string;
}

/**
 * How far a channel has been published. Every message with `floorId < id <= lastMessageId` has been
 * sent to the bus; the next page asks for ids above `lastMessageId`.
 */
export interface ChannelCheckpoint {
  channelId: string;
  lastMessageId: number;
  /** Backfill started above this id (from --since / --limit); older messages are out of scope. */
  floorId: number;
  updatedAt: string;
}

/** Why a channel is followed. */
export type FollowOrigin = 'list' | 'discovered' | 'discussion';

/** A channel this deployment follows, with what is needed to ask Telegram about it. */
export interface FollowedChannel {
  channelId: string;
  accessHash: string;
  username: string | null;
  title: string | null;
  origin: FollowOrigin;
  /** 0 for the channel list, n for a channel discovered from a depth n-1 channel. */
  depth: number;
  /** The channel whose discussion group this is, or that referenced it first when discovered. */
  parentChannelId: string | null;
  addedAt: string;
}

/** One message of a followed channel pointing at another channel. */
export interface ChannelReference {
  fromChannelId: string;
  /** Known for forwards (the origin peer) and for links whose username was seen with an id. */
  targetChannelId: string | null;
  /** Lower-case username, known for t.me links and for forward origins seen with a username. */
  targetUsername: string | null;
  kind: 'forward' | 'link';
  messageId: number;
  seenAt: string;
}

/** References from one channel to one target, counted. */
export interface ReferenceTally {
  fromChannelId: string;
  targetChannelId: string | null;
  targetUsername: string | null;
  kind: 'forward' | 'link';
  mentions: number;
  firstMessageId: number;
  lastSeen: string;
}

/** A channel seen in Telegram's answers (forward origins come with their title and flags). */
export interface ChannelSighting {
  channelId: string;
  username: string | null;
  title: string | null;
  broadcast: boolean;
  verified: boolean;
  scam: boolean;
  fake: boolean;
  seenAt: string;
}

/** The edit date last published for one message. */
export interface EditMark {
  messageId: number;
  editDate: string;
}

/** What one published page changes, written in one transaction after the bus has the records. */
export interface IngestProgress {
  channelId: string;
  /** The new checkpoint; a value below the stored one is ignored (the checkpoint never moves back). */
  lastMessageId: number;
  editMarks: readonly EditMark[];
  references: readonly ChannelReference[];
  sightings: readonly ChannelSighting[];
  at: string;
}

/** A stored channel.v1 record and when it was stored. */
export interface StoredChannelRecord {
  record: ChannelV1;
  updatedAt: string;
}

/** Durable state of live ingestion. */
export interface IngestStateStore {
  resolved(usernameKey: string): Promise<ResolvedChannelEntry | null>;
  saveResolved(entry: ResolvedChannelEntry): Promise<void>;
  resolveFailure(usernameKey: string): Promise<ResolveFailure | null>;
  saveResolveFailure(failure: ResolveFailure): Promise<void>;
  channelRecord(channelId: string): Promise<StoredChannelRecord | null>;
  saveChannelRecord(record: ChannelV1, at: string): Promise<void>;
  checkpoint(channelId: string): Promise<ChannelCheckpoint | null>;
  /** Creates the checkpoint when the channel has none; an existing one is kept as it is. */
  startCheckpoint(checkpoint: ChannelCheckpoint): Promise<void>;
  /** Moves the checkpoint forward and stores edit marks, references and sightings, atomically. */
  recordProgress(progress: IngestProgress): Promise<void>;
  /** Edit dates already published for these message ids of a channel. */
  editMarks(channelId: string, messageIds: readonly number[]): Promise<Map<number, string>>;
  /** Adds or updates a followed channel (the lowest depth wins). */
  follow(channel: FollowedChannel): Promise<void>;
  followed(): Promise<FollowedChannel[]>;
  references(): Promise<ReferenceTally[]>;
  sightings(): Promise<ChannelSighting[]>;
  describe(): string;
  close(): Promise<void>;
}
