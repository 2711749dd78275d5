/**
 * How ingestion puts records on the bus, shared by export and live ingestion so the two cannot
 * drift: a message goes to the messages topic keyed by channel id (a channel's messages stay in
 * order on one partition) with a fresh correlation id header; a dead letter goes to the
 * dead-letter topic keyed by what it names.
 */
import { CORRELATION_HEADER, newCorrelationId, type Logger, type OutgoingRecord } from '@tg-risk/core';
import type { ConfigV1, DeadLetterV1, MessageV1 } from '@tg-risk/schemas';

type Topics = Pick<ConfigV1['topics'], 'messages' | 'deadLetters'>;

/** The bus record of one message, with a new correlation id, logged at debug so it can be followed. */
export function messageRecord(record: MessageV1, topics: Topics, logger?: Logger): OutgoingRecord {
  const correlationId = newCorrelationId();
  logger?.debug({ correlationId, channelId: record.channel_id, messageId: record.message_id }, 'ingested');
  return {
    topic: topics.messages,
    key: record.channel_id,
    value: Buffer.from(JSON.stringify(record)),
    headers: { [CORRELATION_HEADER]: correlationId },
  };
}

/** The bus record of one dead letter. */
export function deadLetterRecord(
  deadLetter: DeadLetterV1,
  key: string | null,
  topics: Topics,
): OutgoingRecord {
  return { topic: topics.deadLetters, key, value: Buffer.from(JSON.stringify(deadLetter)) };
}
