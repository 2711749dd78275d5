/**
 * Puts live messages on the bus exactly as export ingestion does (the same encoder,
 * outgoing-records.ts): the messages topic, keyed by channel id, with a correlation id. Messages
 * that could not become message.v1 go to the dead-letter topic instead.
 */
import {
  makeDeadLetter,
  type LabelStore,
  type Logger,
  type MessageSink,
  type OutgoingRecord,
  type StoredDeadLetter,
  type TgRiskError,
} from '@tg-risk/core';
import { deadLetterRecord, messageRecord } from '../outgoing-records.ts';
import type { ConfigV1, MessageV1 } from '@tg-risk/schemas';

/** A message that failed to map, with a compact raw form for the dead letter. */
export interface BadLiveMessage {
  channelId: string;
  messageId: number;
  error: TgRiskError;
  raw: string;
}

export interface LivePublisherDeps {
  sink: MessageSink;
  /** Also keeps dead letters here (the embedded default, where the bus is not durable). */
  deadLetterStore?: Pick<LabelStore, 'saveDeadLetters'>;
  now: () => Date;
  /** Logs each message's correlation id at debug, as export ingestion does. */
  logger?: Logger;
}

/** Publishes pages of records; resolves once the bus has them durably. */
export interface LivePublisher {
  publish(records: readonly MessageV1[], bad?: readonly BadLiveMessage[]): Promise<void>;
}

/** Creates the publisher for `topics`. */
export function createLivePublisher(
  deps: LivePublisherDeps,
  topics: Pick<ConfigV1['topics'], 'messages' | 'deadLetters'>,
): LivePublisher {
  return {
    async publish(records, bad = []) {
      const out: OutgoingRecord[] = records.map((record) => messageRecord(record, topics, deps.logger));
      const dead: StoredDeadLetter[] = bad.map((b) => ({
        sourceKey: `telegram:${b.channelId}/${b.messageId}`,
        deadLetter: makeDeadLetter(
          b.raw,
          b.error,
          'ingest',
          { key: b.channelId, service: 'ingest-live' },
          deps.now(),
        ),
      }));
      for (const d of dead) out.push(deadLetterRecord(d.deadLetter, d.deadLetter.where.key ?? null, topics));
      if (out.length > 0) await deps.sink.send(out);
      if (dead.length > 0 && deps.deadLetterStore) await deps.deadLetterStore.saveDeadLetters(dead);
    },
  };
}
