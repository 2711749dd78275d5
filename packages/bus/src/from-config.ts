import type { Bus, Logger } from '@tg-risk/core';
import type { ConfigV1 } from '@tg-risk/schemas';
import { createInProcessBus } from './in-process-bus.ts';
import { createKafkaBus } from './kafka-bus.ts';

/** Kafka when the config names brokers, else the embedded in-process bus. */
export function createBusFromConfig(config: Pick<ConfigV1, 'kafka' | 'worker'>, logger: Logger): Bus {
  if (config.kafka === null) return createInProcessBus({ logger });
  return createKafkaBus({ brokers: config.kafka.brokers, clientId: config.kafka.clientId, logger });
}
