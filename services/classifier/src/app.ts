/**
 * The classifier worker: consumes message.v1 records as one member of a consumer group, labels them,
 * upserts message + label into the store, and hands label.v1 and dead-letter.v1 records back to the
 * bus, which publishes them and commits the offsets together, only after the store write is durable.
 */
import {
  correlationHeaders,
  correlationIdOf,
  createPipelineMetrics,
  makeDeadLetter,
  PoisonRecordError,
  TgRiskError,
  timed,
  type Bus,
  type BusConsumer,
  type Classifier,
  type ConsumedRecord,
  type LabelledMessage,
  type LabelPrediction,
  type LabelStore,
  type Logger,
  type OutgoingRecord,
  type PipelineMetrics,
  type RecordBatch,
  type StoredDeadLetter,
} from '@tg-risk/core';
import { schemaIssues, type ConfigV1, type LabelV1, type MessageV1 } from '@tg-risk/schemas';
import { decodeMessage, recordPosition } from './decode-message.ts';

export interface ClassifierWorkerDeps {
  bus: Bus;
  store: LabelStore;
  classifier: Classifier;
  logger: Logger;
  /** Where the worker records what it does; a private registry when omitted. */
  metrics?: PipelineMetrics;
  now?: () => Date;
}

export interface ClassifierWorkerConfig {
  topics: ConfigV1['topics'];
  groupId: string;
  /** Most texts in one classifier call. */
  batchSize: number;
  /** Stable identity of this worker process (fences its own unfinished transaction after a restart). */
  memberId?: string;
  /** Called when the worker stops by itself on an error it cannot retry. */
  onCrash?: (error: Error) => void;
}

/** What readiness checks need to know about a worker. */
export interface ClassifierWorkerStatus {
  /** Joined its consumer group and consuming. */
  consuming: boolean;
  /** False from a refused store write until the next write succeeds. */
  storeWritable: boolean;
}

export interface ClassifierWorker {
  start(): Promise<void>;
  status(): ClassifierWorkerStatus;
  /** Processes one batch; exposed so the handler can be unit-tested without a bus. */
  handleBatch(batch: RecordBatch): Promise<OutgoingRecord[]>;
  close(): Promise<void>;
}

interface Decoded {
  record: ConsumedRecord;
  message: MessageV1;
  correlationId: string | null;
}

/** Wires the worker from its dependencies; nothing runs until start(). */
export function buildClassifierWorker(
  deps: ClassifierWorkerDeps,
  config: ClassifierWorkerConfig,
): ClassifierWorker {
  const now = deps.now ?? (() => new Date());
  const metrics = deps.metrics ?? createPipelineMetrics();
  let consumer: BusConsumer | undefined;
  let closing: Promise<void> | undefined;
  let consuming = false;
  let storeWritable = true;

  /** A store write, timed; a refusal marks the store unwritable (readiness, metrics) until one succeeds. */
  async function storeWrite(operation: string, work: () => Promise<void>): Promise<void> {
    try {
      await timed(metrics.storeWriteSeconds, { operation }, work);
    } catch (error) {
      if (error instanceof TgRiskError && error.code === 'STORE_UNAVAILABLE') {
        storeWritable = false;
        metrics.storeAvailable.set(0);
      }
      throw error;
    }
    storeWritable = true;
    metrics.storeAvailable.set(1);
  }

  function deadLetter(
    record: ConsumedRecord,
    error: unknown,
    stage: 'decode' | 'validate' | 'classify',
  ): StoredDeadLetter {
    return {
      sourceKey: `${record.topic}/${record.partition}/${record.offset}`,
      deadLetter: makeDeadLetter(
        record.value,
        error,
        stage,
        {
          topic: record.topic,
          partition: record.partition,
          offset: record.offset,
          key: record.key,
          service: 'classifier',
        },
        now(),
      ),
    };
  }

  /** Classifies a chunk; when the model throws on the chunk, isolates the poison message(s). */
  async function classifyChunk(
    chunk: Decoded[],
    dead: StoredDeadLetter[],
  ): Promise<Array<[Decoded, LabelPrediction]>> {
    try {
      const predictions = await timed(metrics.modelInferenceSeconds, { model: deps.classifier.model }, () =>
        deps.classifier.classify(chunk.map((d) => d.message.text)),
      );
      if (predictions.length !== chunk.length) {
        throw new TypeError(
          `classifier returned ${predictions.length} predictions for ${chunk.length} texts`,
        );
      }
      return chunk.map((d, i) => [d, predictions[i]!]);
    } catch (error) {
      // Only a declared transient failure (e.g. a model server away) retries the batch; anything
      // else thrown by the model is treated as a poison input and isolated, so a partition never stalls.
      if (error instanceof TgRiskError && error.retriable) throw error;
      if (chunk.length === 1) {
        dead.push(deadLetter(chunk[0]!.record, error, 'classify'));
        return [];
      }
      const results: Array<[Decoded, LabelPrediction]> = [];
      for (const one of chunk) results.push(...(await classifyChunk([one], dead)));
      return results;
    }
  }

  async function handleBatch(batch: RecordBatch): Promise<OutgoingRecord[]> {
    const dead: StoredDeadLetter[] = [];
    const decoded: Decoded[] = [];
    for (const record of batch.records) {
      try {
        decoded.push({ record, message: decodeMessage(record), correlationId: correlationIdOf(record) });
      } catch (error) {
        const stage =
          error instanceof PoisonRecordError && error.code === 'MESSAGE_INVALID' ? 'validate' : 'decode';
        dead.push(deadLetter(record, error, stage));
      }
    }
    const labelled: Array<LabelledMessage & { correlationId: string | null }> = [];
    for (let i = 0; i < decoded.length; i += config.batchSize) {
      for (const [{ record, message, correlationId }, prediction] of await classifyChunk(
        decoded.slice(i, i + config.batchSize),
        dead,
      )) {
        const label: LabelV1 = {
          schema: 'label.v1',
          channel_id: message.channel_id,
          message_id: message.message_id,
          ...prediction,
        };
        const issues = schemaIssues('label.v1', label);
        if (issues.length > 0) {
          const detail = issues.map((x) => `${x.path} ${x.message}`).join('; ');
          const error = new PoisonRecordError(
            'LABEL_INVALID',
            `${recordPosition(record)}: classifier output is not a label.v1: ${detail}`,
          );
          dead.push(deadLetter(record, error, 'classify'));
          continue;
        }
        labelled.push({ message, label, correlationId });
      }
    }
    // Durable first: the bus commits offsets only after this resolves.
    if (dead.length > 0) await storeWrite('dead_letters', () => deps.store.saveDeadLetters(dead));
    if (labelled.length > 0) await storeWrite('labelled', () => deps.store.saveLabelled(labelled));
    const deadCorrelation = new Map(
      batch.records.map((r) => [`${r.topic}/${r.partition}/${r.offset}`, correlationIdOf(r)]),
    );
    for (const d of dead) {
      metrics.deadLetters.inc({ stage: d.deadLetter.stage, code: d.deadLetter.error.code });
      deps.logger.warn(
        {
          code: d.deadLetter.error.code,
          where: d.deadLetter.where,
          correlationId: deadCorrelation.get(d.sourceKey) ?? null,
        },
        d.deadLetter.error.message,
      );
    }
    for (const { label, correlationId } of labelled) {
      if (label.labels.length === 0) metrics.labels.inc({ class: 'none' });
      for (const cls of label.labels) metrics.labels.inc({ class: cls });
      deps.logger.debug(
        { correlationId, channelId: label.channel_id, messageId: label.message_id, labels: label.labels },
        'labelled',
      );
    }
    return [
      ...labelled.map(({ label, correlationId }) => ({
        topic: config.topics.labels,
        key: label.channel_id ?? null,
        value: Buffer.from(JSON.stringify(label)),
        headers: correlationHeaders(correlationId),
      })),
      ...dead.map((d) => ({
        topic: config.topics.deadLetters,
        key: d.deadLetter.where.key ?? null,
        value: Buffer.from(JSON.stringify(d.deadLetter)),
        headers: correlationHeaders(deadCorrelation.get(d.sourceKey) ?? null),
      })),
    ];
  }

  return {
    handleBatch,
    status: () => ({ consuming, storeWritable }),
    async start() {
      if (consumer) throw new Error('classifier worker already started');
      consumer = await deps.bus.consumer({
        groupId: config.groupId,
        topics: [config.topics.messages],
        memberId: config.memberId,
        onCrash: config.onCrash,
      });
      await consumer.start(handleBatch);
      consuming = true;
      deps.logger.info(
        { groupId: config.groupId, model: deps.classifier.model },
        'classifier worker started',
      );
    },
    close() {
      closing ??= (async () => {
        consuming = false;
        if (consumer) await consumer.close();
      })();
      return closing;
    },
  };
}
