/**
 * A consumer member's transactional producer: a batch's output records and its next offset go in
 * one Kafka transaction, both or neither. A transaction the broker refuses or cannot take (the
 * previous commit's markers still being written, a coordinator moving, the broker down) is aborted
 * and sent again from the same output, so the handler's work is not repeated for it. When the
 * abort itself fails the producer is replaced (same transactional id: the new one fences the old
 * one and the broker aborts its open transaction); when every attempt failed, the batch is handed
 * back as a retriable error, so the consumer restarts and the batch is delivered again.
 */
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import {
  backoffDelayMs,
  isRetriable,
  sleep,
  TransientError,
  type Logger,
  type OutgoingRecord,
} from '@tg-risk/core';
import { groupByTopic, PRODUCER_RETRY } from './kafka-records.ts';

/** Tries of one batch's transaction before the batch itself is handed back for redelivery. */
const TRANSACTION_ATTEMPTS = 10;

/** Protocol errors meaning another producer took over our transactional id: stopping is the only way. */
const FENCED = new Set([
  'PRODUCER_FENCED',
  'INVALID_PRODUCER_EPOCH',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
]);

export interface TransactionalPublisherOptions {
  transactionalId: string;
  transactionTimeoutMs: number;
  groupId: string;
}

export class TransactionalPublisher {
  private producer: Producer;
  private connected: Promise<void> | undefined;
  private abandoned = false;
  private fireAbandon: () => void = () => {};
  private readonly abandonment = new Promise<'abandoned'>((resolve) => {
    this.fireAbandon = () => resolve('abandoned');
  });

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
    private readonly options: TransactionalPublisherOptions,
  ) {
    this.producer = this.createProducer();
  }

  /** Connects now (optional: a transaction connects first when needed). */
  async connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    await this.connected;
  }

  /**
   * Stops waiting for the transaction in flight, and makes every later publishAndCommit return
   * false at once: a shutdown must not hang on a broker that cannot complete a transaction. The
   * abandoned transaction is never committed (the broker aborts it, or the next producer with this
   * transactional id does when it starts).
   */
  abandonInFlight(): void {
    this.abandoned = true;
    this.fireAbandon();
  }

  /**
   * Publishes `output` and commits `last + 1` for the partition in one transaction. Resolves true
   * once committed, false when abandoned (nothing committed).
   */
  async publishAndCommit(
    output: OutgoingRecord[],
    topic: string,
    partition: number,
    last: string,
  ): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      if (this.abandoned) return false;
      let transaction: Awaited<ReturnType<Producer['transaction']>> | undefined;
      try {
        const work = (async () => {
          await this.connect();
          transaction = await this.producer.transaction();
          if (output.length > 0)
            await transaction.sendBatch({ acks: -1, topicMessages: groupByTopic(output) });
          await transaction.sendOffsets({
            consumerGroupId: this.options.groupId,
            topics: [{ topic, partitions: [{ partition, offset: (BigInt(last) + 1n).toString() }] }],
          });
          await transaction.commit();
        })();
        if ((await Promise.race([work, this.abandonment])) === 'abandoned') {
          work.catch(() => {});
          this.logger.warn(
            { topic, partition, offset: last },
            'stopping: abandoned the uncommitted batch in flight; its records go to the next owner',
          );
          return false;
        }
        return true;
      } catch (error) {
        if (!(await this.abort(transaction))) await this.replaceProducer();
        if (isFenced(error) || !isRetriable(error)) throw error;
        if (attempt >= TRANSACTION_ATTEMPTS - 1) {
          throw new TransientError(
            'BUS_UNAVAILABLE',
            `publishing the output of ${topic}[${partition}] up to offset ${last} failed ${TRANSACTION_ATTEMPTS} times ` +
              `(${(error as Error).message}); nothing was committed, the batch will be delivered again`,
            // No `cause`: kafkajs decides whether to restart the consumer from the innermost cause.
            { context: { topic, partition, offset: last } },
          );
        }
        const delayMs = backoffDelayMs(attempt, 100, 5_000);
        this.logger.warn(
          { err: error, topic, partition, attempt, delayMs },
          `publishing and committing a batch failed, retrying in ${delayMs} ms`,
        );
        await Promise.race([sleep(delayMs), this.abandonment]);
      }
    }
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }

  /** Aborts `transaction`; false when the broker could not be told (the producer is then unusable). */
  private async abort(transaction: { abort(): Promise<void> } | undefined): Promise<boolean> {
    if (!transaction) return true;
    try {
      await transaction.abort();
      return true;
    } catch (abortError) {
      this.logger.warn({ err: abortError }, 'aborting the Kafka transaction failed; replacing the producer');
      return false;
    }
  }

  private async replaceProducer(): Promise<void> {
    const old = this.producer;
    this.producer = this.createProducer();
    this.connected = undefined;
    try {
      await old.disconnect();
    } catch (error) {
      this.logger.debug({ err: error }, 'disconnecting the replaced transactional producer failed');
    }
  }

  private createProducer(): Producer {
    return this.kafka.producer({
      transactionalId: this.options.transactionalId,
      idempotent: true,
      retry: PRODUCER_RETRY,
      maxInFlightRequests: 1,
      transactionTimeout: this.options.transactionTimeoutMs,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }
}

/** True when the error (or one it wraps) says another producer owns our transactional id now. */
export function isFenced(error: unknown): boolean {
  for (let e = error as { type?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.type && FENCED.has(e.type)) return true;
  }
  return false;
}
