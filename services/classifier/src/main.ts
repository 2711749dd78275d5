/**
 * The classifier worker process: reads the environment, wires Kafka, the store and the model,
 * and runs until SIGTERM/SIGINT, when it finishes its batch, commits, leaves the group and exits 0.
 */
import { randomUUID } from 'node:crypto';
import { createBusFromConfig } from '@tg-risk/bus';
import { createLogger, loadConfig, UsageError } from '@tg-risk/core';
import { createDefaultClassifier } from '@tg-risk/models';
import { openSqliteStore } from '@tg-risk/store';
import { buildClassifierWorker } from './app.ts';

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
  const bus = createBusFromConfig(config, logger);
  const store = openSqliteStore({ path: config.store.sqlitePath });
  const classifier = await createDefaultClassifier();
  let settle: (code: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => (settle = resolve));
  const worker = buildClassifierWorker(
    { bus, store, classifier, logger },
    {
      topics: config.topics,
      groupId: config.worker.groupId,
      batchSize: config.worker.batchSize,
      memberId: env.TGRISK_WORKER_ID ?? randomUUID(),
      onCrash: (error) => {
        logger.fatal({ err: error }, 'worker crashed; exiting so the supervisor restarts it');
        settle(1);
      },
    },
  );
  const onSignal = (signal: string) => {
    logger.info({ signal }, 'stopping: finishing the batch in flight');
    settle(0);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
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
  return code;
}
