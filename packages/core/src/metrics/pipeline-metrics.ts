/**
 * The pipeline's Prometheus metrics (prom-client), one registry per process. Services receive a
 * `PipelineMetrics` in their deps and record what they do; the ops server renders the registry at
 * /metrics. Names follow the Prometheus conventions (base units, `_total` on counters).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DependencyProbe } from '../health/dependency-probe.ts';

/** The classes a label counter is broken down by; `none` counts messages flagged with nothing. */
export type LabelClass = 'fraud' | 'drugs' | 'terrorism' | 'none';

export interface PipelineMetricsOptions {
  /** Added as the `service` label of every series (classifier, ingest, run). */
  service?: string;
  /** Also export Node's process metrics (CPU, memory, event-loop lag); for long-running processes. */
  processMetrics?: boolean;
}

/** Everything a service records; each field is a prom-client metric in `registry`. */
export interface PipelineMetrics {
  readonly registry: Registry;
  /** Records consumed and committed (their offsets are committed), per topic. */
  readonly messagesIn: Counter<'topic'>;
  /** Records published durably (acks=all or a committed transaction), per topic. */
  readonly messagesOut: Counter<'topic'>;
  /** Labels written to the store, per class. */
  readonly labels: Counter<'class'>;
  /** Dead letters written, per pipeline stage and error code. */
  readonly deadLetters: Counter<'stage' | 'code'>;
  /** Messages not yet committed by a consumer group, read when /metrics is scraped. */
  readonly consumerLag: Gauge<'group' | 'topic'>;
  /** Seconds Telegram told ingestion to wait (FLOOD_WAIT_X), summed. */
  readonly floodWaitSeconds: Counter;
  /** Duration of one store write transaction, per operation. */
  readonly storeWriteSeconds: Histogram<'operation'>;
  /** Duration of one classifier call over a chunk of texts, per model. */
  readonly modelInferenceSeconds: Histogram<'model'>;
  /** 1 while the last store write succeeded, 0 while the store refuses writes. */
  readonly storeAvailable: Gauge;
  /** Batches handed back for another try (offsets not committed), per error code. */
  readonly batchRetries: Counter<'code'>;
  /** Registers where the consumer-lag gauge reads a group's lag at scrape time. */
  trackConsumerLag(group: string, topic: string, probe: DependencyProbe<number>): void;
  /** The registry in the Prometheus text exposition format. */
  render(): Promise<string>;
}

/** Latency buckets in seconds: 1 ms to 10 s (store writes and model calls span this range). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Creates the metrics of one process on a registry of its own (no global state). */
export function createPipelineMetrics(options: PipelineMetricsOptions = {}): PipelineMetrics {
  const registry = new Registry();
  if (options.service) registry.setDefaultLabels({ service: options.service });
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'tgrisk_' });
  const registers = [registry];
  const lagSources: Array<{ group: string; topic: string; probe: DependencyProbe<number> }> = [];

  const consumerLag = new Gauge({
    name: 'tgrisk_consumer_lag_messages',
    help: 'Messages on the topic not yet committed by the consumer group (read at scrape time).',
    labelNames: ['group', 'topic'] as const,
    registers,
    async collect() {
      for (const { group, topic, probe } of lagSources) {
        const lag = await probe.read();
        // A broker that does not answer leaves the series out rather than reporting a stale number.
        if (lag === undefined) this.remove({ group, topic });
        else this.set({ group, topic }, lag);
      }
    },
  });
  const storeAvailable = new Gauge({
    name: 'tgrisk_store_available',
    help: '1 while the last store write succeeded, 0 while the store refuses writes.',
    registers,
  });
  storeAvailable.set(1);

  return {
    registry,
    messagesIn: new Counter({
      name: 'tgrisk_messages_in_total',
      help: 'Records consumed whose offsets were committed.',
      labelNames: ['topic'] as const,
      registers,
    }),
    messagesOut: new Counter({
      name: 'tgrisk_messages_out_total',
      help: 'Records published durably.',
      labelNames: ['topic'] as const,
      registers,
    }),
    labels: new Counter({
      name: 'tgrisk_labels_total',
      help: 'Labels written to the store, per class (none: flagged with nothing).',
      labelNames: ['class'] as const,
      registers,
    }),
    deadLetters: new Counter({
      name: 'tgrisk_dead_letters_total',
      help: 'Dead letters written, per stage and error code.',
      labelNames: ['stage', 'code'] as const,
      registers,
    }),
    consumerLag,
    floodWaitSeconds: new Counter({
      name: 'tgrisk_flood_wait_seconds_total',
      help: 'Seconds Telegram asked ingestion to wait (FLOOD_WAIT), summed.',
      registers,
    }),
    storeWriteSeconds: new Histogram({
      name: 'tgrisk_store_write_seconds',
      help: 'Duration of one store write transaction.',
      labelNames: ['operation'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    modelInferenceSeconds: new Histogram({
      name: 'tgrisk_model_inference_seconds',
      help: 'Duration of one classifier call over a chunk of texts.',
      labelNames: ['model'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    storeAvailable,
    batchRetries: new Counter({
      name: 'tgrisk_batch_retries_total',
      help: 'Batches handed back for another try with their offsets not committed, per error code.',
      labelNames: ['code'] as const,
      registers,
    }),
    trackConsumerLag(group, topic, probe) {
      lagSources.push({ group, topic, probe });
    },
    render: () => registry.metrics(),
  };
}

/** Runs `work` and records its duration in seconds on `histogram`, whether it succeeds or throws. */
export async function timed<T, L extends string>(
  histogram: Histogram<L>,
  labels: Partial<Record<L, string>>,
  work: () => Promise<T>,
): Promise<T> {
  const stop = histogram.startTimer(labels);
  try {
    return await work();
  } finally {
    stop();
  }
}
