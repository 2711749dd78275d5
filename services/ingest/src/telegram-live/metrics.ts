/**
 * Counters of live ingestion: printed in the run report, logged on every watchdog sweep, and the
 * flood-wait seconds also fed to the process's Prometheus registry when one is given.
 */
import type { PipelineMetrics } from '@tg-risk/core';

/** Everything live ingestion counts. */
export interface LiveIngestCounts {
  /** Requests sent to Telegram (each attempt counts). */
  requests: number;
  /** contacts.ResolveUsername calls made, and usernames answered from the store instead. */
  resolves: number;
  resolveCacheHits: number;
  /** FLOOD_WAIT answers received, and the seconds Telegram asked for in total. */
  floodWaits: number;
  floodWaitSeconds: number;
  /** History pages fetched. */
  pages: number;
  messagesPublished: number;
  /** Edited messages published again with their edit date. */
  editsPublished: number;
  /** Messages that could not become message.v1 (sent to the dead-letter topic). */
  badMessages: number;
  /** Live updates received for followed channels. */
  updates: number;
  watchdogSweeps: number;
  /** Messages the watchdog found that the update stream had not delivered. */
  watchdogGapMessages: number;
  channelsFollowed: number;
  channelsSkipped: number;
}

/** The counters plus where flood waits are also exported. */
export interface LiveIngestMetrics {
  readonly counts: LiveIngestCounts;
  add(name: keyof LiveIngestCounts, by?: number): void;
}

/** Creates zeroed counters; `pipeline` (optional) also receives the flood-wait seconds. */
export function createLiveIngestMetrics(
  pipeline?: Pick<PipelineMetrics, 'floodWaitSeconds'>,
): LiveIngestMetrics {
  const counts: LiveIngestCounts = {
    requests: 0,
    resolves: 0,
    resolveCacheHits: 0,
    floodWaits: 0,
    floodWaitSeconds: 0,
    pages: 0,
    messagesPublished: 0,
    editsPublished: 0,
    badMessages: 0,
    updates: 0,
    watchdogSweeps: 0,
    watchdogGapMessages: 0,
    channelsFollowed: 0,
    channelsSkipped: 0,
  };
  return {
    counts,
    add(name, by = 1) {
      counts[name] += by;
      if (name === 'floodWaitSeconds') pipeline?.floodWaitSeconds.inc(by);
    },
  };
}
