/** Row ⇄ port-type conversions of the ingest state tables. */
import type {
  ChannelReference,
  ChannelSighting,
  FollowedChannel,
  FollowOrigin,
  ReferenceTally,
} from '@tg-risk/core';

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

function nullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * One reference row per (source, target, kind): the target is its channel id when known, else its
 * username, so a t.me link and a forward to the same channel count separately until an id is seen.
 */
export function referenceKey(ref: Pick<ChannelReference, 'targetChannelId' | 'targetUsername'>): string {
  if (ref.targetChannelId !== null) return ref.targetChannelId;
  return `@${ref.targetUsername ?? ''}`;
}

export const FOLLOWED_ROW = (row: Row): FollowedChannel => ({
  channelId: String(row.channel_id),
  accessHash: String(row.access_hash),
  username: nullableString(row.username),
  title: nullableString(row.title),
  origin: String(row.origin) as FollowOrigin,
  depth: Number(row.depth),
  parentChannelId: nullableString(row.parent_channel_id),
  addedAt: String(row.added_at),
});

export const REFERENCE_ROW = (row: Row): ReferenceTally => ({
  fromChannelId: String(row.from_channel_id),
  targetChannelId: nullableString(row.target_channel_id),
  targetUsername: nullableString(row.target_username),
  kind: String(row.kind) as ReferenceTally['kind'],
  mentions: Number(row.mentions),
  firstMessageId: Number(row.first_message_id),
  lastSeen: String(row.last_seen),
});

export const SIGHTING_ROW = (row: Row): ChannelSighting => ({
  channelId: String(row.channel_id),
  username: nullableString(row.username),
  title: nullableString(row.title),
  broadcast: row.broadcast === 1,
  verified: row.verified === 1,
  scam: row.scam === 1,
  fake: row.fake === 1,
  seenAt: String(row.seen_at),
});
