/**
 * The Kafka bus (kafkajs). Messages are produced idempotently with acks=all. Each consumer member
 * owns a transactional producer: a batch's output records and its offsets go in one Kafka
 * transaction, after the handler has made its work durable, so consume -> store -> publish is
 * exactly-once on the topics and idempotent (upsert) in the store.
 */
import { randomUUID } from 'node:crypto';
import {
  Kafka,
  Partitioners,
  logLevel,
  type Admin,
  type Consumer,
  type EachBatchPayload,
  type Producer,
} from 'kafkajs';
import {
  backoffDelayMs,
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
} from '@tg-risk/core';
import { kafkaLogCreator } from './kafka-logger.ts';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  logger?: Logger;
  /** Records handed to a handler at most at once (a fetched batch is split into chunks this size). */
  maxBatch?: number;
  /** How long the broker keeps an unfinished transaction of a dead worker before aborting it. */
  transactionTimeoutMs?: number;
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

function groupByTopic(records: readonly OutgoingRecord[]) {
  const byTopic = new Map<string, Array<{ key: string | null; value: Buffer }>>();
  for (const r of records) {
    let list = byTopic.get(r.topic);
    if (!list) byTopic.set(r.topic, (list = []));
    list.push({ key: r.key, value: r.value });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** Tries of one batch's transaction before the batch itself is handed back for redelivery. */
const TRANSACTION_ATTEMPTS = 10;

/** Idempotent producers must retry without limit, else kafkajs cannot keep exactly-once (it warns). */
const PRODUCER_RETRY = { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 };

class KafkaConsumer implements BusConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly maxBatch: number;
  private closing: Promise<void> | undefined;
  private crashed = false;
  private stopping = false;

  constructor(
    kafka: Kafka,
    private readonly logger: Logger,
    private readonly options: ConsumerOptions,
    busOptions: KafkaBusOptions,
  ) {
    this.maxBatch = busOptions.maxBatch ?? 500;
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      // A killed worker's partitions move to the others after this long without heartbeats.
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // A crash on a non-retriable handler error must stay a crash, not a silent restart loop.
      retry: { retries: 8, restartOnFailure: async () => !this.crashed },
    });
    this.producer = kafka.producer({
      transactionalId: `${options.groupId}.${options.memberId ?? randomUUID()}`,
      idempotent: true,
      retry: PRODUCER_RETRY,
      maxInFlightRequests: 1,
      transactionTimeout: busOptions.transactionTimeoutMs ?? 15_000,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      if (!event.payload.restart) {
        this.logger.error({ err: event.payload.error, groupId: options.groupId }, 'Kafka consumer crashed');
        this.options.onCrash?.(event.payload.error);
      }
    });
  }

  async start(handler: BatchHandler): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    for (const topic of this.options.topics) await this.consumer.subscribe({ topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.processBatch(handler, payload),
    });
  }

  private async processBatch(handler: BatchHandler, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const all: ConsumedRecord[] = batch.messages.map((m) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: m.offset,
      key: m.key === null ? null : m.key.toString('utf8'),
      value: m.value ?? Buffer.alloc(0),
    }));
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
      await this.publishAndCommit(output, batch.topic, batch.partition, last);
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
        this.logger.warn(
          { err: error, topic: batch.topic, partition: batch.partition, attempt, delayMs },
          'batch failed, offsets not committed; retrying',
        );
        await sleep(delayMs);
        if (!payload.isRunning() || payload.isStale() || this.stopping) return undefined;
        await payload.heartbeat();
      }
    }
  }

  /**
   * Output records and the next offset to read go in one transaction: both or neither. A transaction
   * the broker refuses for a passing reason (CONCURRENT_TRANSACTIONS while the previous commit's
   * markers are written, a coordinator moving) is aborted and sent again from the same output, so
   * the handler's work is not repeated for it.
   */
  private async publishAndCommit(output: OutgoingRecord[], topic: string, partition: number, last: string) {
    for (let attempt = 0; ; attempt++) {
      const transaction = await this.producer.transaction();
      try {
        if (output.length > 0) await transaction.sendBatch({ acks: -1, topicMessages: groupByTopic(output) });
        await transaction.sendOffsets({
          consumerGroupId: this.options.groupId,
          topics: [{ topic, partitions: [{ partition, offset: (BigInt(last) + 1n).toString() }] }],
        });
        await transaction.commit();
        return;
      } catch (error) {
        try {
          await transaction.abort();
        } catch (abortError) {
          this.logger.warn({ err: abortError }, 'aborting the Kafka transaction failed');
        }
        const retriable = (error as { retriable?: boolean }).retriable === true;
        if (!retriable || attempt >= TRANSACTION_ATTEMPTS - 1) throw error;
        await sleep(backoffDelayMs(attempt, 50, 2_000));
      }
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopping = true;
      try {
        // disconnect() waits for the in-flight batch, then leaves the group.
        await this.consumer.disconnect();
      } catch (error) {
        this.logger.warn({ err: error }, 'disconnecting the Kafka consumer failed');
      }
      try {
        await this.producer.disconnect();
      } catch (error) {
        this.logger.warn({ err: error }, 'disconnecting the transactional producer failed');
      }
    })();
    return this.closing;
  }
}
