/** What the fault scenarios feed the pipeline: numbered valid messages, poison records, exports. */
import { writeFileSync } from 'node:fs';
import { sampleMessage, type OutgoingRecord } from '@tg-risk/core';
import { MALFORMED_RECORDS } from '../pipeline-fixtures.ts';

/** A message the store must end up holding exactly once, keyed `channel/message`. */
export interface SentMessage {
  key: string;
  record: OutgoingRecord;
}

/**
 * Valid message.v1 records numbered `from` .. `from + count - 1`, spread over `channels` channels
 * (the record's key, so each channel stays on one partition). Disjoint ranges give disjoint keys.
 */
export function numberedMessages(topic: string, from: number, count: number, channels = 16): SentMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const channel = String(6_000_000_000 + (n % channels));
    const messageId = Math.floor(n / channels) + 1;
    const text = n % 7 === 0 ? `Закладки мефедрон ${n}г, бот @shop${n}_bot` : `ordinary post number ${n}`;
    return {
      key: `${channel}/${messageId}`,
      record: {
        topic,
        key: channel,
        value: Buffer.from(
          JSON.stringify(sampleMessage({ channel_id: channel, message_id: messageId, text })),
        ),
      },
    };
  });
}

/** The poison records of the pipeline tests (truncated JSON, invalid UTF-8, wrong types, ...). */
export function poisonRecords(topic: string): OutgoingRecord[] {
  return MALFORMED_RECORDS.map((bad, i) => ({ topic, key: `poison-${i}`, value: bad.value }));
}

/** Mixes `bad` into `good` at evenly spaced places, so poison sits between valid records. */
export function interleave<T>(good: readonly T[], bad: readonly T[]): T[] {
  const out = [...good];
  const step = Math.max(1, Math.floor(good.length / (bad.length + 1)));
  bad.forEach((b, i) => out.splice(Math.min(out.length, (i + 1) * step + i), 0, b));
  return out;
}

/**
 * Writes a single-chat Telegram Desktop export of `count` text messages of channel `channelId`
 * (ids 1..count) and returns the keys the store must hold once it is ingested.
 */
export function writeExport(path: string, channelId: number, count: number): string[] {
  const start = Date.UTC(2025, 0, 1) / 1000;
  const messages = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    type: 'message',
    date: new Date((start + i * 60) * 1000).toISOString().slice(0, 19),
    date_unixtime: String(start + i * 60),
    from: 'Fault channel',
    from_id: `channel${channelId}`,
    text: i % 11 === 0 ? `Продам аккаунты, пишите @seller${i}` : `backfill post ${i}`,
    text_entities: [],
  }));
  writeFileSync(
    path,
    JSON.stringify({ name: 'Fault channel', type: 'public_channel', id: channelId, messages }),
  );
  return messages.map((m) => `${channelId}/${m.id}`);
}
