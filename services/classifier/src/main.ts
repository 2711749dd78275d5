/**
 * The classifier worker process: reads the environment, wires Kafka, the store and the model,
 * serves /metrics, /healthz and /readyz (TGRISK_METRICS_PORT, default 9464, "off" to disable), and
 * runs until SIGTERM/SIGINT, when it finishes its batch, commits, leaves the group and exits 0.
 */
import { randomUUID } from 'node:crypto';
import { createBusFromConfig } from '@tg-risk/bus';
import {
  createDependencyProbe,
  createHealthChecks,
  createLogger,
  createPipelineMetrics,
  DEFAULT_OPS_PORT,
  loadConfig,
  opsPortFromEnv,
  startOpsServer,
  UsageError,
  type Logger,
  type OpsServer,
} from '@tg-risk/core';
import { createDefaultClassifier } from '@tg-risk/models';
import { openSqliteStore } from '@tg-risk/store';
import { buildClassifierWorker } from './app.ts';
import { addWorkerReadinessChecks } from './worker-health.ts';

/** Runs one worker until a signal or a crash; resolves with the exit code. */
export async function runClassifierWorkerProcess(env: Record<string, string | undefined>): Promise<number> {
  const config = loadConfig(env);
  if (config.kafka === null) {
    throw new UsageError(
      'tgrisk worker needs KAFKA_BROKERS (host:port[,host:port]): workers share partitions through Kafka. ' +
        'Without Kafka, `tgrisk run` runs ingestion and classification in one process.',
    );
  }
  const logger = createLogger(config.logLevel, 'classifier');
  const metrics = createPipelineMetrics({ service: 'classifier', processMetrics: true });
  const health = createHealthChecks();
  const opsPort = opsPortFromEnv(env, DEFAULT_OPS_PORT);
  const sessionTimeoutMs = optionalMs(env, 'TGRISK_KAFKA_SESSION_TIMEOUT_MS');
  const bus = createBusFromConfig(config, logger, {
    metrics,
    ...(sessionTimeoutMs ? { sessionTimeoutMs } : {}),
  });
  const store = openSqliteStore({ path: config.store.sqlitePath });
  let crashed: Error | undefined;
  let settle: (code: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => (settle = resolve));
  const onSignal = (signal: string) => {
    logger.info({ signal }, 'stopping: finishing the batch in flight');
    settle(0);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  const topic = config.topics.messages;
  const brokerLag = createDependencyProbe(() => bus.lag(config.worker.groupId, [topic]));
  metrics.trackConsumerLag(config.worker.groupId, topic, brokerLag);
  health.add('liveness', 'worker', () =>
    crashed ? { ok: false, detail: `crashed: ${crashed.message}` } : { ok: true },
  );
  // Served from the start: a supervisor sees "alive, not ready" while the model loads.
  const ops: OpsServer | undefined =
    opsPort === null
      ? undefined
      : await startOpsServer({
          port: opsPort,
          fallbackToFreePort: env.TGRISK_METRICS_PORT === undefined,
          metrics,
          health,
          logger,
        });

  try {
    return await runWorker();
  } finally {
    await ops?.close();
  }

  async function runWorker(): Promise<number> {
    const classifier = await createDefaultClassifier();
    const worker = buildClassifierWorker(
      { bus, store, classifier, logger, metrics },
      {
        topics: config.topics,
        groupId: config.worker.groupId,
        batchSize: config.worker.batchSize,
        memberId: env.TGRISK_WORKER_ID ?? randomUUID(),
        onCrash: (error) => {
          crashed = error;
          logger.fatal({ err: error }, 'worker crashed; exiting so the supervisor restarts it');
          settle(1);
        },
      },
    );
    addWorkerReadinessChecks(health, { worker, store, bus, brokerLag, model: classifier.model });

    await bus.ensureTopics(
      [config.topics.messages, config.topics.labels, config.topics.deadLetters],
      config.topics.partitions,
    );
    await worker.start();
    const code = await stopped;
    // Each step on its own: a failure closing one client must not leave the others open.
    for (const [what, close] of [
      ['worker', () => worker.close()],
      ['bus', () => bus.close()],
      ['classifier', () => classifier.close()],
      ['store', () => store.close()],
    ] as const) {
      try {
        await close();
      } catch (error) {
        logger.error({ err: error }, `closing the ${what} failed`);
      }
    }
    logger.info({ code }, 'worker stopped');
    exitIfStillHeld(code, logger);
    return code;
  }
}

/** How long a stopped worker may take to exit by itself once everything is closed. */
const EXIT_GRACE_MS = 3000;

/**
 * Everything is closed, but a client's retry timer (kafkajs after a broker outage) can keep the
 * event loop alive: exit anyway after a grace period, naming what was still open. The timer is
 * unref'd, so a process that exits by itself never sees it fire.
 */
function exitIfStillHeld(code: number, logger: Logger): void {
  setTimeout(() => {
    logger.warn(
      { resources: process.getActiveResourcesInfo() },
      'handles still open after shutdown; exiting',
    );
    process.exit(code);
  }, EXIT_GRACE_MS).unref();
}

/** A positive number of milliseconds from `name`, or undefined when unset. */
function optionalMs(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^[0-9]+$/.test(raw))
    throw new UsageError(`${name} must be a whole number of milliseconds, got "${raw}"`);
  return Number(raw);
}
