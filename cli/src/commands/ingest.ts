/**
 * `tgrisk ingest --channels FILE`: live ingestion from Telegram (gramjs, as a user client). Every
 * listed channel is resolved once, backfilled oldest first from its checkpoint, then followed (live
 * updates plus a watchdog poll) until SIGINT/SIGTERM, or, with --once, caught up and left. Messages
 * go to the bus exactly like `tgrisk import`/`run` put them there; without KAFKA_BROKERS a classifier
 * worker runs in this process and labels them into the store. The API hash and the session string
 * never appear in output: every error is passed through redactSecrets.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createBusFromConfig } from '@tg-risk/bus';
import { buildClassifierWorker } from '@tg-risk/classifier';
import {
  createHealthChecks,
  createLogger,
  createPipelineMetrics,
  describeError,
  loadConfig,
  opsPortFromEnv,
  sleep,
  startOpsServer,
  TgRiskError,
  UsageError,
  type Bus,
  type Logger,
} from '@tg-risk/core';
import {
  connectGramjs,
  createGramjsTelegramPort,
  createLiveIngestMetrics,
  DEFAULT_LIVE_OPTIONS,
  LiveIngest,
  liveCredentials,
  NO_SHARD,
  parseChannelList,
  parseShard,
  redactSecrets,
  sessionFile,
  type GramjsConnection,
  type LiveIngestOptions,
  type LiveIngestReport,
  type TelegramCredentials,
} from '@tg-risk/ingest';
import { createDefaultClassifier } from '@tg-risk/models';
import { openSqliteIngestState, openSqliteStore } from '@tg-risk/store';
import type { Command } from '../command.ts';
import { parseCommandArgs } from '../parse-args.ts';

/** How the command reaches Telegram; tests pass a connection to FakeTelegram. */
export interface IngestCommandDeps {
  connect(credentials: TelegramCredentials, logger: Logger): Promise<GramjsConnection>;
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^[0-9]{1,9}$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

function sinceDate(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(`--since "${value}" is not a date; use YYYY-MM-DD (UTC) or an ISO 8601 time`);
  }
  return date;
}

const OPTIONS = {
  channels: { type: 'string' },
  since: { type: 'string' },
  limit: { type: 'string' },
  once: { type: 'boolean', default: false },
  shard: { type: 'string' },
  session: { type: 'string' },
  db: { type: 'string' },
  discussions: { type: 'boolean', default: false },
  'follow-discovered': { type: 'boolean', default: false },
  'discover-depth': { type: 'string' },
  'discover-max': { type: 'string' },
  'poll-interval': { type: 'string' },
  'max-flood-wait': { type: 'string' },
  'no-worker': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

function liveOptions(values: Values): LiveIngestOptions {
  const limit = values.limit === 'all' ? null : wholeNumber('limit', values.limit, 1000);
  return {
    ...DEFAULT_LIVE_OPTIONS,
    scope: {
      since: sinceDate(values.since),
      limit: values.since !== undefined && values.limit === undefined ? null : limit,
    },
    follow: !values.once,
    pollIntervalMs: wholeNumber('poll-interval', values['poll-interval'], 300) * 1000,
    discussions: values.discussions,
    discovery: values['follow-discovered']
      ? {
          maxDepth: wholeNumber('discover-depth', values['discover-depth'], 1),
          maxCount: wholeNumber('discover-max', values['discover-max'], 10),
        }
      : null,
    shard: values.shard === undefined ? NO_SHARD : parseShard(values.shard),
    flood: {
      ...DEFAULT_LIVE_OPTIONS.flood,
      maxWaitSeconds: wholeNumber('max-flood-wait', values['max-flood-wait'], 900),
    },
  };
}

async function readChannelList(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(
      `cannot read the channel list ${file} (${code}); pass a file with one channel per line`,
    );
  }
  const entries = parseChannelList(text, file);
  if (entries.length === 0)
    throw new UsageError(`${file} lists no channels; write one username or t.me link per line`);
  return entries;
}

/** Waits until the in-process worker has labelled everything published (bounded). */
async function drain(bus: Bus, group: string, topic: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await bus.lag(group, [topic])) > 0 && Date.now() < deadline) await sleep(100);
}

function formatReport(report: LiveIngestReport): string {
  const lines = report.channels.map(
    (c) => `  ${c.channel.padEnd(34)} ${c.status.padEnd(13)} ${c.origin}${c.detail ? `  ${c.detail}` : ''}`,
  );
  const n = report.counts;
  return [
    `Channels (${report.channels.filter((c) => c.status === 'followed').length} followed, ${n.channelsSkipped} skipped):`,
    ...lines,
    `Published ${n.messagesPublished} messages and ${n.editsPublished} edits (${n.badMessages} unreadable, dead-lettered); ` +
      `${n.requests} requests, ${n.resolves} usernames resolved (${n.resolveCacheHits} from the store), ` +
      `${n.floodWaits} FLOOD_WAITs (${n.floodWaitSeconds} s), ${n.watchdogGapMessages} messages found by the watchdog.`,
  ].join('\n');
}

/** Builds the command with its way of connecting to Telegram. */
export function makeIngestCommand(deps: IngestCommandDeps): Command {
  return async (args, env, io) => {
    const { values, positionals } = parseCommandArgs('ingest', args, OPTIONS);
    if (positionals.length > 0)
      throw new UsageError(`ingest takes no positional arguments, got "${positionals.join(' ')}"`);
    // Credentials first: on a first run, what to set up and that `tgrisk login` comes first matters most.
    const credentials = await liveCredentials(env, sessionFile(env, values.session));
    if (values.channels === undefined) {
      throw new UsageError(
        'ingest needs --channels FILE: a list of public channel usernames or t.me links, one per line',
      );
    }
    const options = liveOptions(values);
    const entries = await readChannelList(values.channels);
    const secrets = [credentials.apiHash, credentials.session];
    if (credentials.warning) io.stderr.write(`tgrisk ingest: warning: ${credentials.warning}\n`);
    try {
      return await ingest(deps, values, options, entries, credentials, env, io);
    } catch (error) {
      const { code, message } = describeError(error);
      const clean = redactSecrets(message, secrets);
      if (error instanceof UsageError) throw new UsageError(clean);
      throw new TgRiskError(code, clean);
    }
  };
}

async function ingest(
  deps: IngestCommandDeps,
  values: Values,
  options: LiveIngestOptions,
  entries: Awaited<ReturnType<typeof readChannelList>>,
  credentials: TelegramCredentials,
  env: Record<string, string | undefined>,
  io: Parameters<Command>[2],
): Promise<number> {
  const config = loadConfig(values.db === undefined ? env : { ...env, TGRISK_DB: values.db });
  const logger = createLogger(config.logLevel, 'ingest');
  const pipelineMetrics = createPipelineMetrics({ service: 'ingest' });
  const bus = createBusFromConfig(config, logger, { metrics: pipelineMetrics });
  const store = openSqliteStore({ path: config.store.sqlitePath });
  const state = openSqliteIngestState({ path: config.store.sqlitePath });
  const withWorker = !values['no-worker'];
  const classifier = withWorker ? await createDefaultClassifier() : undefined;
  const worker = classifier
    ? buildClassifierWorker(
        { bus, store, classifier, logger, metrics: pipelineMetrics },
        {
          topics: config.topics,
          groupId: config.worker.groupId,
          batchSize: config.worker.batchSize,
          memberId: randomUUID(),
        },
      )
    : undefined;
  const controller = new AbortController();
  const stop = () => controller.abort();
  let connection: GramjsConnection | undefined;
  // /metrics (flood waits included) only when asked for with TGRISK_METRICS_PORT.
  const opsPort = opsPortFromEnv(env, null);
  const ops =
    opsPort === null
      ? undefined
      : await startOpsServer({
          port: opsPort,
          metrics: pipelineMetrics,
          health: createHealthChecks(),
          logger,
        });
  try {
    await bus.ensureTopics(
      [config.topics.messages, config.topics.labels, config.topics.deadLetters],
      config.topics.partitions,
    );
    await worker?.start();
    const producer = await bus.producer();
    connection = await deps.connect(credentials, logger);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const live = new LiveIngest(
      {
        port: createGramjsTelegramPort(connection.transport),
        state,
        sink: producer,
        topics: config.topics,
        logger,
        metrics: createLiveIngestMetrics(pipelineMetrics),
        ...(config.kafka === null ? { deadLetterStore: store } : {}),
        labelFlagged: async () =>
          new Set((await store.channelSummaries()).filter((s) => s.flagged.any > 0).map((s) => s.channelId)),
      },
      options,
    );
    const report = await live.run(entries, controller.signal);
    await producer.close();
    if (worker) await drain(bus, config.worker.groupId, config.topics.messages, 600_000);
    io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
    return report.channels.some((c) => c.status === 'failed') ? 1 : 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await connection
      ?.close()
      .catch((e: unknown) => logger.warn({ err: e }, 'closing the Telegram connection failed'));
    await worker?.close().catch((e: unknown) => logger.error({ err: e }, 'closing the worker failed'));
    await bus.close().catch((e: unknown) => logger.error({ err: e }, 'closing the bus failed'));
    await classifier?.close();
    await ops?.close();
    await state.close();
    await store.close();
  }
}

/** `tgrisk ingest` connected to Telegram through gramjs. */
export const ingestCommand: Command = makeIngestCommand({ connect: connectGramjs });
