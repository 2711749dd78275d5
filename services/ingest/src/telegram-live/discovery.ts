/**
 * Discovery of channels worth following: every forward origin and every t.me link in a followed
 * channel's messages is a reference; `tgrisk discover` ranks the referenced channels not yet
 * followed by how many followed channels point to them, then by how many of those are flagged.
 * @username mentions are not counted: they name users and bots as often as channels.
 */
import type { ChannelReference, ChannelSighting, FollowedChannel, ReferenceTally } from '@tg-risk/core';
import type { MessageV1 } from '@tg-risk/schemas';
import { linkedUsernames } from './telegram-links.ts';

/** The references one message makes (each target once per kind), never to its own channel. */
export function referencesIn(
  record: MessageV1,
  usernameOf: (channelId: string) => string | null,
  channelIdOf: (username: string) => string | null,
  seenAt: string,
): ChannelReference[] {
  const own = record.channel_username?.toLowerCase() ?? null;
  const refs: ChannelReference[] = [];
  const base = { fromChannelId: record.channel_id, messageId: record.message_id, seenAt };
  const origin = record.forward?.from_channel_id ?? null;
  if (origin !== null && origin !== record.channel_id) {
    refs.push({ ...base, kind: 'forward', targetChannelId: origin, targetUsername: usernameOf(origin) });
  }
  const urls = record.entities.flatMap((e) => (e.url === undefined ? [] : [e.url]));
  const names = new Set([...linkedUsernames(record.text), ...urls.flatMap(linkedUsernames)]);
  for (const name of names) {
    const id = channelIdOf(name);
    if (name === own || id === record.channel_id) continue;
    refs.push({ ...base, kind: 'link', targetChannelId: id, targetUsername: name });
  }
  return refs;
}

/** A referenced channel not yet followed, with why it ranks where it does. */
export interface DiscoveryCandidate {
  channelId: string | null;
  /** Lower case; null when only the id is known (it cannot be resolved then). */
  username: string | null;
  title: string | null;
  /** Distinct followed channels that reference it. */
  referrers: number;
  /** Of those, the ones flagged (messages labelled, or Telegram's scam/fake flag). */
  flaggedReferrers: number;
  /** References in total (messages × kinds). */
  mentions: number;
  kinds: Array<'forward' | 'link'>;
  /** One more than the shallowest referrer's depth (listed channels are depth 0). */
  depth: number;
  verified: boolean | null;
  scam: boolean | null;
  fake: boolean | null;
}

/** What ranking reads. */
export interface DiscoveryInput {
  references: readonly ReferenceTally[];
  sightings: readonly ChannelSighting[];
  followed: readonly FollowedChannel[];
  /** Followed channels considered flagged. */
  flaggedChannelIds: ReadonlySet<string>;
}

interface Tally {
  channelId: string | null;
  username: string | null;
  referrers: Set<string>;
  mentions: number;
  kinds: Set<'forward' | 'link'>;
  depth: number;
}

/** Ranks referenced, unfollowed channels: most referrers first, then most flagged referrers. */
export function rankDiscovered(input: DiscoveryInput): DiscoveryCandidate[] {
  const sightingById = new Map(input.sightings.map((s) => [s.channelId, s]));
  const idByUsername = new Map(
    input.sightings.flatMap((s) => (s.username === null ? [] : [[s.username, s.channelId] as const])),
  );
  const followedById = new Map(input.followed.map((f) => [f.channelId, f]));
  const followedNames = new Set(
    input.followed.flatMap((f) => (f.username ? [f.username.toLowerCase()] : [])),
  );
  const tallies = new Map<string, Tally>();
  for (const ref of input.references) {
    const from = followedById.get(ref.fromChannelId);
    if (!from) continue;
    // A link seen before its channel's id was known joins the id's tally once a sighting names both.
    const channelId =
      ref.targetChannelId ?? (ref.targetUsername ? (idByUsername.get(ref.targetUsername) ?? null) : null);
    const username =
      ref.targetUsername ?? (channelId ? (sightingById.get(channelId)?.username ?? null) : null);
    if (channelId !== null && followedById.has(channelId)) continue;
    if (username !== null && followedNames.has(username)) continue;
    const key = channelId ?? `@${username ?? ''}`;
    const tally = tallies.get(key) ?? {
      channelId,
      username,
      referrers: new Set<string>(),
      mentions: 0,
      kinds: new Set<'forward' | 'link'>(),
      depth: Number.POSITIVE_INFINITY,
    };
    tally.username ??= username;
    tally.referrers.add(ref.fromChannelId);
    tally.mentions += ref.mentions;
    tally.kinds.add(ref.kind);
    tally.depth = Math.min(tally.depth, from.depth + 1);
    tallies.set(key, tally);
  }
  const candidates = [...tallies.values()].map((t): DiscoveryCandidate => {
    const seen = t.channelId ? sightingById.get(t.channelId) : undefined;
    return {
      channelId: t.channelId,
      username: t.username,
      title: seen?.title ?? null,
      referrers: t.referrers.size,
      flaggedReferrers: [...t.referrers].filter((id) => input.flaggedChannelIds.has(id)).length,
      mentions: t.mentions,
      kinds: [...t.kinds].sort(),
      depth: t.depth,
      verified: seen ? seen.verified : null,
      scam: seen ? seen.scam : null,
      fake: seen ? seen.fake : null,
    };
  });
  return candidates.sort(
    (a, b) =>
      b.referrers - a.referrers ||
      b.flaggedReferrers - a.flaggedReferrers ||
      b.mentions - a.mentions ||
      (a.username ?? a.channelId ?? '').localeCompare(b.username ?? b.channelId ?? ''),
  );
}
