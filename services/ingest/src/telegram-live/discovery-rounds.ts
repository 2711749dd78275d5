/**
 * `--follow-discovered`: after the listed channels are backfilled, follow the best-ranked referenced
 * channels, round by round (round d adds channels at depth d, whose own references are ranked in
 * round d + 1), until the depth limit or the count limit of this run is reached.
 */
import type { IngestStateStore } from '@tg-risk/core';
import type { SetupRequest } from './channel-setup.ts';
import { discoverCandidates } from './discovery-input.ts';
import { inShard, type Shard } from './sharding.ts';

export interface DiscoveryRoundsDeps {
  state: IngestStateStore;
  shard: Shard;
  /** Followed channels with labelled messages. */
  labelFlagged?: () => Promise<ReadonlySet<string>>;
  /** Sets a channel up and queues its backfill; false when it was skipped. */
  follow(request: SetupRequest): Promise<boolean>;
  /** Resolves when the queued backfills are done. */
  idle(): Promise<void>;
  stopped(): boolean;
}

/** Follows up to `maxCount` discovered channels no deeper than `maxDepth`; returns how many. */
export async function followDiscovered(
  deps: DiscoveryRoundsDeps,
  limits: { maxDepth: number; maxCount: number },
): Promise<number> {
  const tried = new Set<string>();
  let added = 0;
  for (let round = 1; round <= limits.maxDepth && added < limits.maxCount; round++) {
    const flagged = new Set(deps.labelFlagged ? await deps.labelFlagged() : []);
    const candidates = (await discoverCandidates(deps.state, flagged)).filter(
      (c) =>
        c.username !== null &&
        c.depth <= limits.maxDepth &&
        !tried.has(c.username) &&
        inShard(c.username, deps.shard),
    );
    if (candidates.length === 0) break;
    for (const candidate of candidates) {
      if (added >= limits.maxCount || deps.stopped()) break;
      const username = candidate.username!;
      tried.add(username);
      if (
        await deps.follow({ username, origin: 'discovered', depth: candidate.depth, parentChannelId: null })
      )
        added++;
    }
    await deps.idle();
  }
  return added;
}
