import { describe, expect, it } from 'vitest';
import type { FollowedChannel, ReferenceTally } from '@tg-risk/core';
import { sampleMessage } from '@tg-risk/core';
import { rankDiscovered, referencesIn } from './discovery.ts';

const followed = (channelId: string, username: string, depth = 0): FollowedChannel => ({
  channelId,
  accessHash: '1',
  username,
  title: null,
  origin: 'list',
  depth,
  parentChannelId: null,
  addedAt: '2025-01-01T00:00:00Z',
});

const tally = (from: string, target: Partial<ReferenceTally>, mentions = 1): ReferenceTally => ({
  fromChannelId: from,
  targetChannelId: null,
  targetUsername: null,
  kind: 'link',
  mentions,
  firstMessageId: 1,
  lastSeen: '2025-01-01T00:00:00Z',
  ...target,
});

describe('referencesIn', () => {
  it('takes forward origins and t.me links from text and link entities, never the channel itself', () => {
    const record = sampleMessage({
      channel_id: '1001',
      channel_username: 'shopchan',
      text: 'from t.me/ShopChan and t.me/depot, more here',
      entities: [{ type: 'text_link', offset: 40, length: 4, url: 'https://t.me/hiddenchan' }],
      forward: { from_name: 'Supplier', from_channel_id: '777', from_message_id: 5 },
    });
    const refs = referencesIn(
      record,
      (id) => (id === '777' ? 'supplier' : null),
      (name) => (name === 'depot' ? '888' : null),
      'T',
    );
    expect(refs.map((r) => [r.kind, r.targetChannelId, r.targetUsername])).toEqual([
      ['forward', '777', 'supplier'],
      ['link', '888', 'depot'],
      ['link', null, 'hiddenchan'],
    ]);
  });
});

describe('rankDiscovered', () => {
  it('ranks by referring followed channels, then flagged referrers, merging a link with its later-seen id', () => {
    const candidates = rankDiscovered({
      followed: [followed('1', 'a'), followed('2', 'b'), followed('3', 'c', 1)],
      references: [
        tally('1', { targetUsername: 'x' }, 5),
        tally('1', { targetChannelId: '90', kind: 'forward' }),
        tally('2', { targetUsername: 'y' }),
        tally('3', { targetUsername: 'y' }),
        tally('2', { targetUsername: 'b' }), // followed: not a candidate
      ],
      sightings: [
        {
          channelId: '90',
          username: 'x',
          title: 'X',
          broadcast: true,
          verified: false,
          scam: true,
          fake: false,
          seenAt: 'T',
        },
      ],
      flaggedChannelIds: new Set(['1']),
    });
    expect(
      candidates.map((c) => [c.username, c.channelId, c.referrers, c.flaggedReferrers, c.mentions, c.depth]),
    ).toEqual([
      ['y', null, 2, 0, 2, 1],
      ['x', '90', 1, 1, 6, 1],
    ]);
    expect(candidates[1]).toMatchObject({ kinds: ['forward', 'link'], scam: true, title: 'X' });
  });
});
