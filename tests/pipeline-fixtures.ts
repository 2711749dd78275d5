/** Records and store probes for the pipeline integration tests. */
import Database from 'better-sqlite3';
import { Kafka, logLevel } from 'kafkajs';
import { sampleMessage } from '@tg-risk/core';

/** `count` valid message.v1 records spread over `channels` channels, ids increasing per channel. */
export function syntheticMessages(count: number, channels: number): Array<{ key: string; value: string }> {
  return Array.from({ length: count }, (_, i) => {
    const channel = String(5_000_000_000 + (i % channels));
    const messageId = Math.floor(i / channels) + 1;
    const text = i % 9 === 0 ? `Закладки мефедрон ${i}г, бот @shop${i}_bot` : `ordinary post number ${i}`;
    return {
      key: channel,
      value: JSON.stringify(sampleMessage({ channel_id: channel, message_id: messageId, text })),
    };
  });
}

/** Malformed records: one of each kind of poison the worker must dead-letter. */
export const MALFORMED_RECORDS: ReadonlyArray<{ name: string; value: Buffer }> = [
  { name: 'truncated json', value: Buffer.from('{"schema":"message.v1","channel_id":"1') },
  { name: 'not json', value: Buffer.from('hello, not json') },
  { name: 'invalid utf-8', value: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) },
  { name: 'wrong type', value: Buffer.from(JSON.stringify({ ...sampleMessage(), message_id: 'seven' })) },
  {
    name: 'missing field',
    value: Buffer.from(JSON.stringify({ schema: 'message.v1', channel_id: '1', text: 'x' })),
  },
  { name: 'json array', value: Buffer.from('[1,2,3]') },
  {
    name: 'prototype pollution',
    value: Buffer.from(`{"__proto__":{"polluted":true},${JSON.stringify(sampleMessage()).slice(1)}`),
  },
];

/** Rows in the store's messages table and the number of distinct keys among them. */
export function storeCounts(dbPath: string): { rows: number; distinct: number; deadLetters: number } {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      const rows = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
      const distinct = (
        db.prepare("SELECT count(DISTINCT channel_id || '/' || message_id) AS n FROM messages").get() as {
          n: number;
        }
      ).n;
      const deadLetters = (db.prepare('SELECT count(*) AS n FROM dead_letters').get() as { n: number }).n;
      return { rows, distinct, deadLetters };
    } finally {
      db.close();
    }
  } catch {
    return { rows: 0, distinct: 0, deadLetters: 0 };
  }
}

/** All keys (channel/message) in the store. */
export function storeKeys(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare('SELECT channel_id, message_id FROM messages').all() as Array<{
        channel_id: string;
        message_id: number;
      }>
    ).map((r) => `${r.channel_id}/${r.message_id}`);
  } finally {
    db.close();
  }
}

/** Reads every committed record of `topic` (read_committed), waiting `settleMs` after the last one. */
export async function readTopic(
  brokers: string[],
  topic: string,
  expectAtLeast: number,
  settleMs = 3000,
): Promise<Buffer[]> {
  const kafka = new Kafka({ clientId: 'test-reader', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Date.now()}` });
  const values: Buffer[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let last = Date.now();
  await consumer.run({
    eachMessage: async ({ message }) => {
      values.push(message.value ?? Buffer.alloc(0));
      last = Date.now();
    },
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && (values.length < expectAtLeast || Date.now() - last < settleMs)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await consumer.disconnect();
  return values;
}
