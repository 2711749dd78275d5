/** Export ingestion onto the embedded bus, reading fixture exports from disk. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createInProcessBus } from '@tg-risk/bus';
import { silentLogger, type ConsumedRecord, type StoredDeadLetter } from '@tg-risk/core';
import { assertValid } from '@tg-risk/schemas';
import { buildExportIngest } from './app.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../test-fixtures/${name}`, import.meta.url));
const topics = { messages: 'm', deadLetters: 'd' };

async function ingest(file: string) {
  const bus = createInProcessBus();
  await bus.ensureTopics(['m', 'd'], 2);
  const stored: StoredDeadLetter[] = [];
  const app = buildExportIngest(
    {
      sink: await bus.producer(),
      logger: silentLogger(),
      deadLetterStore: { saveDeadLetters: async (items) => void stored.push(...items) },
      now: () => new Date('2025-01-01T00:00:00Z'),
    },
    { topics, sendBatch: 2 },
  );
  const result = await app.ingestFile(file).then(
    (summary) => ({ summary, error: undefined }),
    (error: unknown) => ({ summary: undefined, error }),
  );
  const read = async (topic: string) => {
    const records: ConsumedRecord[] = [];
    const consumer = await bus.consumer({ groupId: `read-${topic}`, topics: [topic] });
    await consumer.start(async (batch) => {
      records.push(...batch.records);
      return [];
    });
    while ((await bus.lag(`read-${topic}`, [topic])) > 0) await new Promise((r) => setTimeout(r, 10));
    await consumer.close();
    return records;
  };
  return { ...result, messages: await read('m'), deadLetters: await read('d'), stored };
}

describe('export ingestion', () => {
  it('publishes message.v1 records keyed by channel id, every one valid', async () => {
    const { summary, messages, deadLetters } = await ingest(fixture('account/result.json'));
    expect(messages.length).toBe(summary!.totals.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const r of messages)
      expect(r.key).toBe(assertValid('message.v1', JSON.parse(r.value.toString())).channel_id);
    expect(deadLetters).toHaveLength(0);
  });

  it('dead-letters a bad message with its raw JSON, reason and place, and publishes the rest', async () => {
    const { summary, messages, deadLetters, stored } = await ingest(fixture('no-id.json'));
    expect(summary!.totals).toMatchObject({ messages: 2, bad: 1 });
    expect(messages.map((r) => JSON.parse(r.value.toString()).message_id)).toEqual([1, 3]);
    expect(deadLetters).toHaveLength(1);
    const dl = assertValid('dead-letter.v1', JSON.parse(deadLetters[0]!.value.toString()));
    expect(dl.stage).toBe('import');
    expect(dl.where).toMatchObject({ index: 1, service: 'ingest' });
    expect(dl.error.code).toBe('EXPORT_MESSAGE_NO_ID');
    expect(dl.error.message).toMatch(/no-id\.json: message #1 \(chat 1234567890\)/);
    expect(JSON.parse(dl.raw)).toMatchObject({ text: 'no id here' });
    expect(stored.map((s) => s.deadLetter)).toEqual([dl]);
  });

  it('still delivers what was read before a truncation, then fails naming the file', async () => {
    const { error, messages } = await ingest(fixture('truncated.json'));
    expect((error as { code?: string }).code).toBe('EXPORT_JSON_SYNTAX');
    expect(String((error as Error).message)).toMatch(/truncated\.json/);
    expect(messages.length).toBeGreaterThan(0);
  });
});
