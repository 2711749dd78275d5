/**
 * IngestStateStore in memory, for unit tests of the ingestion logic (no I/O). Same rules as the
 * SQLite store: the checkpoint never moves back, references are counted per (source, target, kind),
 * a followed channel keeps its lowest depth.
 */
import type {
  ChannelCheckpoint,
  ChannelSighting,
  FollowedChannel,
  IngestProgress,
  IngestStateStore,
  ReferenceTally,
  ResolvedChannelEntry,
  ResolveFailure,
  StoredChannelRecord,
} from '@tg-risk/core';
import { assertValid, type ChannelV1 } from '@tg-risk/schemas';

/** Creates an empty in-memory ingest state. */
export function createMemoryIngestState(): IngestStateStore {
  const resolved = new Map<string, ResolvedChannelEntry>();
  const failures = new Map<string, ResolveFailure>();
  const records = new Map<string, StoredChannelRecord>();
  const checkpoints = new Map<string, ChannelCheckpoint>();
  const marks = new Map<string, string>();
  const followed = new Map<string, FollowedChannel>();
  const references = new Map<string, ReferenceTally>();
  const sightings = new Map<string, ChannelSighting>();
  const clone = <T>(value: T): T => structuredClone(value);

  return {
    async resolved(key) {
      return clone(resolved.get(key) ?? null);
    },
    async saveResolved(entry) {
      resolved.set(entry.usernameKey, clone(entry));
      failures.delete(entry.usernameKey);
    },
    async resolveFailure(key) {
      return clone(failures.get(key) ?? null);
    },
    async saveResolveFailure(failure) {
      failures.set(failure.usernameKey, clone(failure));
    },
    async channelRecord(channelId) {
      return clone(records.get(channelId) ?? null);
    },
    async saveChannelRecord(record: ChannelV1, at) {
      records.set(record.channel_id, { record: clone(assertValid('channel.v1', record)), updatedAt: at });
    },
    async checkpoint(channelId) {
      return clone(checkpoints.get(channelId) ?? null);
    },
    async startCheckpoint(checkpoint) {
      if (!checkpoints.has(checkpoint.channelId)) checkpoints.set(checkpoint.channelId, clone(checkpoint));
    },
    async recordProgress(p: IngestProgress) {
      const cp = checkpoints.get(p.channelId);
      if (cp) {
        cp.lastMessageId = Math.max(cp.lastMessageId, p.lastMessageId);
        cp.updatedAt = p.at;
      }
      for (const m of p.editMarks) {
        const key = `${p.channelId}/${m.messageId}`;
        if ((marks.get(key) ?? '') < m.editDate) marks.set(key, m.editDate);
      }
      for (const r of p.references) {
        const key = `${r.fromChannelId}|${r.targetChannelId ?? `@${r.targetUsername}`}|${r.kind}`;
        const t = references.get(key);
        if (t) {
          t.mentions++;
          t.targetChannelId ??= r.targetChannelId;
          t.targetUsername ??= r.targetUsername;
          t.firstMessageId = Math.min(t.firstMessageId, r.messageId);
          if (r.seenAt > t.lastSeen) t.lastSeen = r.seenAt;
        } else {
          const { fromChannelId, targetChannelId, targetUsername, kind } = r;
          references.set(key, {
            fromChannelId,
            targetChannelId,
            targetUsername,
            kind,
            mentions: 1,
            firstMessageId: r.messageId,
            lastSeen: r.seenAt,
          });
        }
      }
      for (const s of p.sightings) {
        const old = sightings.get(s.channelId);
        sightings.set(s.channelId, {
          ...s,
          username: s.username ?? old?.username ?? null,
          title: s.title ?? old?.title ?? null,
        });
      }
    },
    async editMarks(channelId, ids) {
      const found = new Map<number, string>();
      for (const id of ids) {
        const mark = marks.get(`${channelId}/${id}`);
        if (mark !== undefined) found.set(id, mark);
      }
      return found;
    },
    async follow(channel) {
      const old = followed.get(channel.channelId);
      if (!old || channel.depth < old.depth) followed.set(channel.channelId, clone(channel));
      else
        followed.set(channel.channelId, {
          ...old,
          accessHash: channel.accessHash,
          username: channel.username ?? old.username,
          title: channel.title ?? old.title,
        });
    },
    async followed() {
      return clone([...followed.values()]);
    },
    async references() {
      return clone([...references.values()]);
    },
    async sightings() {
      return clone([...sightings.values()]);
    },
    describe: () => 'in memory',
    async close() {},
  };
}
