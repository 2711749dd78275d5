/**
 * `tgrisk run`: the pipeline in one process. Exports (or the bundled sample) are published to the bus,
 * a classifier worker labels them into the store, and when the consumer group has caught up the
 * per-channel summary is printed. With KAFKA_BROKERS set the bus is Kafka and other `tgrisk worker`
 * processes in the same group share the work; without it everything stays in-process.
 */
import { randomUUID } from 'node:crypto';
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
  type Bus,
} from '@tg-risk/core';
import { buildExportIngest } from '@tg-risk/ingest';
import { createDefaultClassifier } from '@tg-risk/models';
import { openSqliteStore } from '@tg-risk/store';
import type { Command } from '../command.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { formatRunReport, type RunReport } from '../run-summary.ts';
import { SAMPLE_EXPORT } from '../sample-data.ts';

export const runCommand: Command = async (args, env, io) => {
  const { values, positionals } = parseCommandArgs('run', args, {
    db: { type: 'string' },
    'no-worker': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'drain-timeout': { type: 'string', default: '600' },
  });
  const config = loadConfig(values.db === undefined ? env : { ...env, TGRISK_DB: values.db });
  const files = positionals.length > 0 ? positionals : [SAMPLE_EXPORT];
  const logger = createLogger(config.logLevel, 'run');
  const metrics = createPipelineMetrics({ service: 'run' });
  const opsPort = opsPortFromEnv(env, null);
  const bus = createBusFromConfig(config, logger, { metrics });
  const store = openSqliteStore({ path: config.store.sqlitePath });
  const classifier = await createDefaultClassifier();
  const topics = [config.topics.messages, config.topics.labels, config.topics.deadLetters];
  let failed = 0;
  let crash: Error | undefined;
  const worker = buildClassifierWorker(
    { bus, store, classifier, logger, metrics },
    {
      topics: config.topics,
      groupId: config.worker.groupId,
      batchSize: config.worker.batchSize,
      memberId: randomUUID(),
      onCrash: (error) => (crash = error),
    },
  );
  // A one-shot run serves /metrics only when asked (TGRISK_METRICS_PORT), unlike `tgrisk worker`.
  const ops =
    opsPort === null
      ? undefined
      : await startOpsServer({ port: opsPort, metrics, health: createHealthChecks(), logger });
  try {
    await bus.ensureTopics(topics, config.topics.partitions);
    if (!values['no-worker']) await worker.start();
    const producer = await bus.producer();
    const ingest = buildExportIngest(
      { sink: producer, logger, metrics, ...(config.kafka === null ? { deadLetterStore: store } : {}) },
      { topics: config.topics },
    );
    const imported = { files: 0, messages: 0, serviceSkipped: 0, bad: 0 };
    for (const file of files) {
      try {
        const summary = await ingest.ingestFile(file);
        imported.files++;
        imported.messages += summary.totals.messages;
        imported.serviceSkipped += summary.totals.serviceSkipped;
        imported.bad += summary.totals.bad + summary.totals.skipped;
      } catch (error) {
        // One unreadable file must not stop the others; the exit code still says it failed.
        if (!(error instanceof TgRiskError)) throw error;
        failed++;
        io.stderr.write(`tgrisk run: ${describeError(error).message}\n`);
      }
    }
    await producer.close();
    if (values['no-worker']) {
      io.stdout.write(
        `Published ${imported.messages} messages to ${bus.describe()}; workers in group ${config.worker.groupId} will label them.\n`,
      );
      return failed > 0 ? 1 : 0;
    }
    await waitForDrain(
      bus,
      config.worker.groupId,
      config.topics.messages,
      Number(values['drain-timeout']) * 1000,
      () => crash,
    );
    const report: RunReport = {
      bus: bus.describe(),
      store: store.describe(),
      model: classifier.model,
      imported,
      deadLetters: await store.countDeadLetters(),
      channels: await store.channelSummaries(),
    };
    io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatRunReport(report)}\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await worker.close().catch((e: unknown) => logger.error({ err: e }, 'closing the worker failed'));
    await bus.close().catch((e: unknown) => logger.error({ err: e }, 'closing the bus failed'));
    await classifier.close();
    await store.close();
    await ops?.close();
  }
};

/** Waits until the group has committed everything on the topic, or fails naming what is left. */
async function waitForDrain(
  bus: Bus,
  groupId: string,
  topic: string,
  timeoutMs: number,
  crashed: () => Error | undefined,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const error = crashed();
    if (error)
      throw new TgRiskError('WORKER_CRASHED', `the classifier worker stopped: ${error.message}`, {
        cause: error,
      });
    const lag = await bus.lag(groupId, [topic]);
    if (lag === 0) return;
    if (Date.now() > deadline) {
      throw new TgRiskError(
        'DRAIN_TIMEOUT',
        `${lag} messages still unlabelled on ${topic} after ${timeoutMs / 1000} s (--drain-timeout)`,
      );
    }
    await sleep(100);
  }
}
