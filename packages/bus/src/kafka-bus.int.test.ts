import { inject } from 'vitest';
import { createKafkaBus } from './kafka-bus.ts';
import { describeBusContract } from './testing/bus-contract.ts';

// The same conformance suite as the in-process bus, against the real broker.
describeBusContract(
  'Kafka',
  () => createKafkaBus({ brokers: inject('kafkaBrokers').split(','), clientId: 'bus-contract', maxBatch: 7 }),
  { timeoutMs: 60_000 },
);
