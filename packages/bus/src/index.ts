export { createInProcessBus, type InProcessBusOptions } from './in-process-bus.ts';
export { createKafkaBus, type KafkaBusOptions } from './kafka-bus.ts';
export { partitionForKey, murmur2 } from './partitioner.ts';
export { createBusFromConfig, type BusExtras } from './from-config.ts';
