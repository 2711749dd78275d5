/**
 * The Kafka bus (kafkajs). Messages are produced idempotently with acks=all. Each consumer member
 * owns a transactional producer: a batch's output records and its offsets go in one Kafka
 * transaction, after the handler has made its work durable, so consume -> store -> publish is
 * exactly-once on the topics and idempotent (upsert) in the store.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Admin, type Consumer, type EachBatchPayload } from 'kafkajs';
import {
  backoffDelayMs,
  describeError,
  isRetriable,
  silentLogger,
  sleep,
  type BatchHandler,
  type Bus,
  type BusConsumer,
  type ConsumedRecord,
  type ConsumerOptions,
  type Logger,
  type MessageSink,
  type OutgoingRecord,
  type PipelineMetrics,
} from '@tg-risk/core';
import { kafkaLogCreator } from './kafka-logger.ts';
import { countPublished, groupByTopic, PRODUCER_RETRY, stringHeaders } from './kafka-records.ts';
import { isFenced, TransactionalPublisher } from './transactional-publisher.ts';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  logger?: Logger;
  /** Records handed to a handler at most at once (a fetched batch is split into chunks this size). */
  maxBatch?: number;
  /** How long the broker keeps an unfinished transaction of a dead worker before aborting it. */
  transactionTimeoutMs?: number;
  /** Heartbeat silence after which a member's partitions move to the others (default 10 s). */
  sessionTimeoutMs?: number;
  /** Counts records in (committed) and out (published), and batch retries. */
  metrics?: PipelineMetrics;
}

/** Creates a bus over a real Kafka cluster. */
export function createKafkaBus(options: KafkaBusOptions): Bus {
  return new KafkaBus(options);
}

class KafkaBus implements Bus {
  private readonly kafka: Kafka;
  private readonly logger: Logger;
  private adminClient: Promise<Admin> | undefined;
  private readonly closables = new Set<{ close(): Promise<void> }>();

  constructor(private readonly options: KafkaBusOptions) {
    this.logger = options.logger ?? silentLogger();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.INFO,
      logCreator: kafkaLogCreator(this.logger),
      retry: { initialRetryTime: 300, retries: 8 },
    });
  }

  private admin(): Promise<Admin> {
    this.adminClient ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.adminClient;
  }

  async ensureTopics(topics: string[], partitions: number): Promise<void> {
    const admin = await this.admin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
    });
  }

  async producer(): Promise<MessageSink> {
    const producer = this.kafka.producer({
      idempotent: true,
      retry: PRODUCER_RETRY,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    let closing: Promise<void> | undefined;
    const sink: MessageSink = {
      send: async (records) => {
        if (records.length === 0) return;
        await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(records) });
        countPublished(this.options.metrics, records);
      },
      close: () => {
        closing ??= producer.disconnect().finally(() => this.closables.delete(sink));
        return closing;
      },
    };
    this.closables.add(sink);
    return sink;
  }

  async consumer(options: ConsumerOptions): Promise<BusConsumer> {
    const consumer = new KafkaConsumer(this.kafka, this.logger, options, this.options);
    this.closables.add(consumer);
    return consumer;
  }

  async lag(groupId: string, topics: string[]): Promise<number> {
    const admin = await this.admin();
    let lag = 0;
    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const done = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        const start = done === '-1' ? BigInt(end.low) : BigInt(done);
        lag += Number(BigInt(end.high) - start);
      }
    }
    return lag;
  }

  describe(): string {
    return `Kafka at ${this.options.brokers.join(',')}`;
  }

  async close(): Promise<void> {
    for (const c of [...this.closables]) {
      try {
        await c.close();
      } catch (error) {
        this.logger.warn({ err: error }, 'closing a Kafka client failed');
      }
    }
    if (this.adminClient) {
      try {
        await (await this.adminClient).disconnect();
      } catch (error) {
        this.logger.warn({ err: error }, 'closing the Kafka admin failed');
      }
    }
  }
}

/** How long close() lets the batch in flight finish its transaction before abandoning it. */
const STOP_GRACE_MS = 5_000;

class KafkaConsumer implements BusConsumer {
  private readonly consumer: Consumer;
  private readonly publisher: TransactionalPublisher;
  private readonly maxBatch: number;
  private readonly metrics: PipelineMetrics | undefined;
  private closing: Promise<void> | undefined;
  private crashed = false;
  private stopping = false;
  private handler: BatchHandler | undefined;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    kafka: Kafka,
    private readonly logger: Logger,
    private readonly options: ConsumerOptions,
    busOptions: KafkaBusOptions,
  ) {
    this.maxBatch = busOptions.maxBatch ?? 500;
    this.metrics = busOptions.metrics;
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      // A killed worker's partitions move to the others after this long without heartbeats.
      sessionTimeout: busOptions.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: 1_000,
      // A crash on a non-retriable handler error must stay a crash, not a silent restart loop.
      retry: { retries: 8, restartOnFailure: async () => !this.crashed },
    });
    this.publisher = new TransactionalPublisher(kafka, logger, {
      transactionalId: `${options.groupId}.${options.memberId ?? randomUUID()}`,
      transactionTimeoutMs: busOptions.transactionTimeoutMs ?? 15_000,
      groupId: options.groupId,
    });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      if (event.payload.restart || this.stopping) return;
      // kafkajs gives up for good on some broker errors (a coordinator not found while the broker
      // shuts down); only a handler error or fencing is ours to give up on, so restart on the rest.
      if (!this.crashed) {
        this.scheduleRestart(event.payload.error);
        return;
      }
      this.logger.error({ err: event.payload.error, groupId: options.groupId }, 'Kafka consumer crashed');
      this.options.onCrash?.(event.payload.error);
    });
  }

  async start(handler: BatchHandler): Promise<void> {
    this.handler = handler;
    await this.publisher.connect();
    await this.run(handler);
  }

  private async run(handler: BatchHandler): Promise<void> {
    await this.consumer.connect();
    for (const topic of this.options.topics) await this.consumer.subscribe({ topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.processBatch(handler, payload),
    });
  }

  /** Joins the group again after kafkajs stopped on a broker error, with backoff until it works. */
  private scheduleRestart(error: Error): void {
    const handler = this.handler;
    if (!handler) return;
    const delayMs = 1000 + backoffDelayMs(this.restarts++, 1000, 30_000);
    this.logger.warn(
      { err: error, groupId: this.options.groupId, delayMs },
      `Kafka consumer stopped on a broker error (${error.message}); rejoining in ${delayMs} ms`,
    );
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.run(handler).then(
        () => (this.restarts = 0),
        (e: unknown) => this.scheduleRestart(e instanceof Error ? e : new Error(String(e))),
      );
    }, delayMs);
  }

  private async processBatch(handler: BatchHandler, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const all: ConsumedRecord[] = batch.messages.map((m) => {
      const headers = stringHeaders(m.headers);
      return {
        topic: batch.topic,
        partition: batch.partition,
        offset: m.offset,
        key: m.key === null ? null : m.key.toString('utf8'),
        value: m.value ?? Buffer.alloc(0),
        ...(headers ? { headers } : {}),
      };
    });
    for (let start = 0; start < all.length; start += this.maxBatch) {
      if (!payload.isRunning() || payload.isStale() || this.stopping) return;
      const records = all.slice(start, start + this.maxBatch);
      const output = await this.handleWithRetry(
        handler,
        { topic: batch.topic, partition: batch.partition, records },
        payload,
      );
      if (output === undefined) return;
      const last = records[records.length - 1]!.offset;
      let committed: boolean;
      try {
        committed = await this.publisher.publishAndCommit(output, batch.topic, batch.partition, last);
      } catch (error) {
        // Fenced (another process has our transactional id) or a bug: stopping is the only way.
        if (isFenced(error) || !isRetriable(error)) this.crashed = true;
        throw error;
      }
      // Not committed (abandoned while stopping): the records go to whoever owns the partition next.
      if (!committed) return;
      this.metrics?.messagesIn.inc({ topic: batch.topic }, records.length);
      countPublished(this.metrics, output);
      payload.resolveOffset(last);
      await payload.heartbeat();
    }
  }

  private async handleWithRetry(
    handler: BatchHandler,
    batch: Parameters<BatchHandler>[0],
    payload: EachBatchPayload,
  ): Promise<OutgoingRecord[] | undefined> {
    for (let attempt = 0; ; attempt++) {
      if (this.crashed) throw new Error('consumer crashed earlier; not processing');
      try {
        return await handler(batch);
      } catch (error) {
        if (!isRetriable(error)) {
          this.crashed = true;
          throw error;
        }
        const delayMs = backoffDelayMs(attempt, 200, 10_000);
        const { code } = describeError(error);
        this.metrics?.batchRetries.inc({ code });
        // e.g. "store unavailable, offsets not committed, retrying in 740 ms"
        this.logger.warn(
          { err: error, code, topic: batch.topic, partition: batch.partition, attempt, delayMs },
          `${code.toLowerCase().replaceAll('_', ' ')}, offsets not committed, retrying in ${delayMs} ms`,
        );
        await sleep(delayMs);
        if (!payload.isRunning() || payload.isStale() || this.stopping) return undefined;
        await payload.heartbeat();
      }
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopping = true;
      clearTimeout(this.restartTimer);
      // A batch whose transaction cannot complete (a broker just back, still writing the markers of
      // the last one) is given up after a grace period rather than holding the shutdown.
      const abandon = setTimeout(() => this.publisher.abandonInFlight(), STOP_GRACE_MS);
      try {
        // disconnect() waits for the in-flight batch, then leaves the group.
        await this.consumer.disconnect();
      } catch (error) {
        this.logger.warn({ err: error }, 'disconnecting the Kafka consumer failed');
      } finally {
        clearTimeout(abandon);
      }
      try {
        await this.publisher.close();
      } catch (error) {
        this.logger.warn({ err: error }, 'disconnecting the transactional producer failed');
      }
    })();
    return this.closing;
  }
}
