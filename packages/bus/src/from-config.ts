import type { Bus, Logger, PipelineMetrics } from '@tg-risk/core';
import type { ConfigV1 } from '@tg-risk/schemas';
import { createInProcessBus } from './in-process-bus.ts';
import { createKafkaBus } from './kafka-bus.ts';

/** Tuning a process may add to what the config says. */
export interface BusExtras {
  metrics?: PipelineMetrics;
  /** Kafka consumer session timeout (see KafkaBusOptions). */
  sessionTimeoutMs?: number;
}

/** Kafka when the config names brokers, else the embedded in-process bus. */
export function createBusFromConfig(
  config: Pick<ConfigV1, 'kafka' | 'worker'>,
  logger: Logger,
  extras: BusExtras = {},
): Bus {
  if (config.kafka === null) return createInProcessBus({ logger, metrics: extras.metrics });
  return createKafkaBus({
    brokers: config.kafka.brokers,
    clientId: config.kafka.clientId,
    logger,
    ...extras,
  });
}
