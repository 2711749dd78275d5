/**
 * The interfaces that keep domain code free of I/O libraries. Kafka, the in-process bus, SQLite and
 * the models sit behind these and are passed in by each service's single wiring place.
 */
import type { LabelV1, MessageV1, DeadLetterV1 } from '@tg-risk/schemas';

/** A record to publish: key decides the partition (we key messages by channel id to keep per-channel order). */
export interface OutgoingRecord {
  topic: string;
  key: string | null;
  value: Buffer;
  /** Record headers, e.g. the correlation id (see correlation.ts). */
  headers?: Record<string, string>;
}

/** A record as consumed, with its position so failures can name it. */
export interface ConsumedRecord {
  topic: string;
  partition: number;
  /** Decimal string: Kafka offsets are int64. */
  offset: string;
  key: string | null;
  value: Buffer;
  /** Headers the record was published with (string values; absent when it had none). */
  headers?: Record<string, string>;
}

/** Records of one topic-partition handed to a handler together, in offset order. */
export interface RecordBatch {
  topic: string;
  partition: number;
  records: ConsumedRecord[];
}

/**
 * Processes a batch and returns the records to publish. The consumer publishes them and commits the
 * batch's offsets atomically (a Kafka transaction), and only after the handler resolved, so whatever
 * the handler made durable before returning is never skipped. A handler that throws gets the batch
 * again (retriable errors, with backoff) or stops the consumer (anything else).
 */
export type BatchHandler = (batch: RecordBatch) => Promise<OutgoingRecord[]>;

/** Publishes records, e.g. ingested messages. Resolves once the bus has them durably. */
export interface MessageSink {
  send(records: OutgoingRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** One member of a consumer group over some topics. */
export interface BusConsumer {
  /** Starts consuming in the background; resolves once the member has joined. */
  start(handler: BatchHandler): Promise<void>;
  /** Stops fetching, lets the in-flight batch finish, leaves the group. Idempotent. */
  close(): Promise<void>;
}

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  /** Called when the consumer stops by itself on an error it cannot retry. */
  onCrash?: (error: Error) => void;
  /** Stable member identity; lets a restarted worker fence its predecessor's unfinished transaction. */
  memberId?: string;
}

/** A partitioned, replayable log: the in-process bus or Kafka. */
export interface Bus {
  /** Creates the topics when missing, each with `partitions` partitions. */
  ensureTopics(topics: string[], partitions: number): Promise<void>;
  producer(): Promise<MessageSink>;
  consumer(options: ConsumerOptions): Promise<BusConsumer>;
  /** Messages not yet committed by the group, summed over the topics' partitions. */
  lag(groupId: string, topics: string[]): Promise<number>;
  /** Where the bus lives, for the run summary ("in-process" or the broker list). */
  describe(): string;
  close(): Promise<void>;
}

/** What a classifier says about one text; `LabelV1` without the message key. */
export type LabelPrediction = Omit<LabelV1, 'schema' | 'id' | 'channel_id' | 'message_id'>;

/** A message classifier (baseline, trained ONNX model, transformers backend). */
export interface Classifier {
  /** name@version, recorded on every label. */
  readonly model: string;
  /** Classifies texts in one batch; the result has one prediction per text, in order. */
  classify(texts: readonly string[]): Promise<LabelPrediction[]>;
  close(): Promise<void>;
}

/** A message with the label the classifier gave it. */
export interface LabelledMessage {
  message: MessageV1;
  label: LabelV1;
}

/** A dead letter with the source position that makes it unique (so redelivery does not duplicate it). */
export interface StoredDeadLetter {
  /** e.g. `tgrisk.messages.v1/2/1234` or `file:result.json#17`. */
  sourceKey: string;
  deadLetter: DeadLetterV1;
}

/** Per-channel counts for the run summary and later the review UI. */
export interface ChannelSummary {
  channelId: string;
  username: string | null;
  title: string | null;
  messages: number;
  flagged: { fraud: number; drugs: number; terrorism: number; any: number };
}

/** Where labelled messages live for analysts and auditors. */
export interface LabelStore {
  /**
   * Upserts on (channel id, message id) in one durable transaction: a redelivered message never
   * makes a second row; an older version never overwrites a newer edit.
   */
  saveLabelled(items: readonly LabelledMessage[]): Promise<void>;
  /** Stores dead letters, idempotent on their source key. */
  saveDeadLetters(items: readonly StoredDeadLetter[]): Promise<void>;
  channelSummaries(): Promise<ChannelSummary[]>;
  countMessages(): Promise<number>;
  countDeadLetters(): Promise<number>;
  /** Where the store is, for the run summary. */
  describe(): string;
  close(): Promise<void>;
}
