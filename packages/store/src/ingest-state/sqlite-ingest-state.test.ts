import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelV1 } from '@tg-risk/schemas';
import type { IngestStateStore } from '@tg-risk/core';
import { openSqliteIngestState } from './sqlite-ingest-state.ts';

// In memory: no I/O.
const stores: IngestStateStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
function fresh(): IngestStateStore {
  const store = openSqliteIngestState({ path: ':memory:' });
  stores.push(store);
  return store;
}

const T = '2025-01-01T00:00:00Z';
const RECORD: ChannelV1 = {
  schema: 'channel.v1',
  channel_id: '1001',
  username: 'shopchan',
  usernames: ['shopchan'],
  title: 'Shop',
  about: null,
  participants_count: 10,
  kind: 'broadcast',
  verified: false,
  scam: true,
  fake: false,
  restricted: false,
  restriction_reasons: [],
  linked_chat_id: null,
  discussion_of: null,
  observed_at: T,
};

describe('SQLite ingest state', () => {
  it('caches resolved usernames and forgets a failure once the name resolves', async () => {
    const s = fresh();
    await s.saveResolveFailure({ usernameKey: 'shopchan', reason: 'not_found', detail: 'gone', failedAt: T });
    expect(await s.resolveFailure('shopchan')).toMatchObject({ reason: 'not_found' });
    await s.saveResolved({ usernameKey: 'shopchan', channelId: '1001', accessHash: '-42', resolvedAt: T });
    expect(await s.resolved('shopchan')).toEqual({
      usernameKey: 'shopchan',
      channelId: '1001',
      accessHash: '-42',
      resolvedAt: T,
    });
    expect(await s.resolveFailure('shopchan')).toBeNull();
  });

  it('keeps a checkpoint that only moves forward, with edit marks, references and sightings', async () => {
    const s = fresh();
    await s.startCheckpoint({ channelId: '1001', lastMessageId: 10, floorId: 10, updatedAt: T });
    await s.startCheckpoint({ channelId: '1001', lastMessageId: 0, floorId: 0, updatedAt: T });
    const ref = {
      fromChannelId: '1001',
      targetChannelId: null,
      targetUsername: 'depot',
      kind: 'link' as const,
      seenAt: T,
    };
    await s.recordProgress({
      channelId: '1001',
      lastMessageId: 20,
      editMarks: [{ messageId: 12, editDate: '2025-01-02T00:00:00Z' }],
      references: [
        { ...ref, messageId: 15 },
        { ...ref, messageId: 12 },
      ],
      sightings: [
        {
          channelId: '77',
          username: 'depot',
          title: 'Depot',
          broadcast: true,
          verified: false,
          scam: false,
          fake: true,
          seenAt: T,
        },
      ],
      at: T,
    });
    await s.recordProgress({
      channelId: '1001',
      lastMessageId: 15,
      editMarks: [],
      references: [],
      sightings: [],
      at: T,
    });
    expect(await s.checkpoint('1001')).toMatchObject({ lastMessageId: 20, floorId: 10 });
    expect(await s.editMarks('1001', [12, 13])).toEqual(new Map([[12, '2025-01-02T00:00:00Z']]));
    expect(await s.references()).toEqual([
      {
        fromChannelId: '1001',
        targetChannelId: null,
        targetUsername: 'depot',
        kind: 'link',
        mentions: 2,
        firstMessageId: 12,
        lastSeen: T,
      },
    ]);
    expect(await s.sightings()).toEqual([
      {
        channelId: '77',
        username: 'depot',
        title: 'Depot',
        broadcast: true,
        verified: false,
        scam: false,
        fake: true,
        seenAt: T,
      },
    ]);
  });

  it('stores channel.v1 records and followed channels, keeping the lowest depth', async () => {
    const s = fresh();
    await s.saveChannelRecord(RECORD, T);
    expect(await s.channelRecord('1001')).toEqual({ record: RECORD, updatedAt: T });
    await expect(s.saveChannelRecord({ ...RECORD, channel_id: 'x' }, T)).rejects.toThrow(
      /channel\.v1: \/channel_id/,
    );
    const base = {
      channelId: '9',
      accessHash: '1',
      username: 'c',
      title: null,
      parentChannelId: null,
      addedAt: T,
    };
    await s.follow({ ...base, origin: 'discovered', depth: 2 });
    await s.follow({ ...base, origin: 'list', depth: 0 });
    await s.follow({ ...base, origin: 'discovered', depth: 1 });
    expect(await s.followed()).toEqual([{ ...base, origin: 'list', depth: 0 }]);
  });
});
