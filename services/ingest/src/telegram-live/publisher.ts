/**
 * Puts live messages on the bus exactly as export ingestion does (services/ingest/src/app.ts): the
 * messages topic, keyed by channel id so a channel's messages stay in order on one partition, the
 * record as JSON. Messages that could not become message.v1 go to the dead-letter topic instead.
 */
import {
  makeDeadLetter,
  type LabelStore,
  type MessageSink,
  type OutgoingRecord,
  type StoredDeadLetter,
  type TgRiskError,
} from '@tg-risk/core';
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
      const out: OutgoingRecord[] = records.map((record) => ({
        topic: topics.messages,
        key: record.channel_id,
        value: Buffer.from(JSON.stringify(record)),
      }));
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
      for (const d of dead) {
        out.push({
          topic: topics.deadLetters,
          key: d.deadLetter.where.key ?? null,
          value: Buffer.from(JSON.stringify(d.deadLetter)),
        });
      }
      if (out.length > 0) await deps.sink.send(out);
      if (dead.length > 0 && deps.deadLetterStore) await deps.deadLetterStore.saveDeadLetters(dead);
    },
  };
}
