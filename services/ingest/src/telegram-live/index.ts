/** Live ingestion from Telegram through gramjs: the public API of this folder. */
export { parseChannelList, type ChannelListEntry } from './channel-list.ts';
export { parseShard, inShard, fnv1a32, NO_SHARD, type Shard } from './sharding.ts';
export { usernameFromLink, linkedUsernames } from './telegram-links.ts';
export {
  ChannelUnavailableError,
  TelegramAuthError,
  TelegramFloodWaitError,
  type ChannelInfo,
  type ChannelRef,
  type HistoryPage,
  type LiveUpdate,
  type PagedMessage,
  type TelegramClientPort,
} from './client-port.ts';
export { systemClock, IngestStoppedError, type Clock } from './clock.ts';
export {
  DEFAULT_FLOOD_POLICY,
  FloodGate,
  FloodWaitTooLongError,
  floodJitterMs,
  type FloodPolicyOptions,
} from './flood-policy.ts';
export { createLiveIngestMetrics, type LiveIngestCounts, type LiveIngestMetrics } from './metrics.ts';
export { channelRecord } from './channel-record.ts';
export { ChannelSync, planFloor, type BackfillScope } from './channel-sync.ts';
export { referencesIn, rankDiscovered, type DiscoveryCandidate, type DiscoveryInput } from './discovery.ts';
export { discoverCandidates } from './discovery-input.ts';
export {
  LiveIngest,
  DEFAULT_LIVE_OPTIONS,
  type ChannelReport,
  type LiveIngestDeps,
  type LiveIngestOptions,
  type LiveIngestReport,
} from './live-ingest.ts';
export {
  apiCredentials,
  liveCredentials,
  redactSecrets,
  sessionFile,
  writeSessionFile,
  DEFAULT_SESSION_FILE,
  type ApiCredentials,
  type LiveCredentials,
} from './credentials.ts';
export { createGramjsTelegramPort } from './gramjs/telegram-port.ts';
export {
  connectGramjs,
  loginGramjs,
  gramjsTransport,
  type GramjsConnection,
  type GramjsTransport,
  type LoginPrompts,
  type TelegramCredentials,
} from './gramjs/transport.ts';
export { gramjsMessageToMessageV1, historyPage } from './gramjs/message.ts';
export {
  FakeTelegram,
  type FailureOptions,
  type FakeChannelSpec,
  type FakeMessageFields,
} from './testing/fake-telegram.ts';
export { createFakeClock, type FakeClock } from './testing/fake-clock.ts';
export { createMemoryIngestState } from './testing/memory-ingest-state.ts';
export { createMemorySink, type MemorySink } from './testing/memory-sink.ts';
