/** Loads what discovery ranks from the ingest state, and decides which followed channels are flagged. */
import type { IngestStateStore } from '@tg-risk/core';
import { rankDiscovered, type DiscoveryCandidate } from './discovery.ts';

/**
 * Ranks referenced channels not yet followed. A followed channel counts as flagged when
 * `labelFlagged` has it (at least one message labelled by the classifier) or when Telegram marks it
 * scam or fake.
 */
export async function discoverCandidates(
  state: IngestStateStore,
  labelFlagged: ReadonlySet<string>,
): Promise<DiscoveryCandidate[]> {
  const followed = await state.followed();
  const flagged = new Set(labelFlagged);
  for (const f of followed) {
    const stored = await state.channelRecord(f.channelId);
    if (stored && (stored.record.scam || stored.record.fake)) flagged.add(f.channelId);
  }
  return rankDiscovered({
    references: await state.references(),
    sightings: await state.sightings(),
    followed,
    flaggedChannelIds: flagged,
  });
}
