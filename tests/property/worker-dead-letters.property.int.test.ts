/**
 * The classifier worker (real handler, real default model, in-process bus, SQLite store) fed
 * generated bad records mixed with valid ones: every bad record becomes exactly one dead letter
 * holding its raw bytes and a reason, every valid record around them is labelled, and the worker
 * never crashes. Runs 2,000 bad records.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBus } from '@tg-risk/bus';
import { buildClassifierWorker } from '@tg-risk/classifier';
import {
  sampleMessage,
  silentLogger,
  sleep,
  type Classifier,
  type LabelStore,
  type StoredDeadLetter,
} from '@tg-risk/core';
import { createDefaultClassifier } from '@tg-risk/models';
import { assertValid } from '@tg-risk/schemas';
import { openSqliteStore } from '@tg-risk/store';
import { badRecordBytes, SEED } from './bad-inputs.ts';

const BAD = 2000;
const topics = {
  messages: 'p.messages.v1',
  labels: 'p.labels.v1',
  deadLetters: 'p.dead-letter.v1',
  partitions: 4,
};

let model: Classifier;
beforeAll(async () => {
  model = await createDefaultClassifier();
});
afterAll(async () => {
  await model.close();
});

/** The store, recording the dead letters it is given. */
function recordingStore(): LabelStore & { deadLetters: StoredDeadLetter[] } {
  const store = openSqliteStore({ path: ':memory:' });
  const deadLetters: StoredDeadLetter[] = [];
  return Object.assign(Object.create(store) as LabelStore, {
    deadLetters,
    async saveDeadLetters(items: readonly StoredDeadLetter[]) {
      await store.saveDeadLetters(items);
      deadLetters.push(...items);
    },
  });
}

describe('classifier worker against bad records', () => {
  it(`dead-letters each of ${BAD} bad records with its reason and labels the valid ones around them`, async () => {
    const bad = fc.sample(badRecordBytes, { numRuns: BAD, seed: SEED + 1 });
    const bus = createInProcessBus({ maxBatch: 97 });
    await bus.ensureTopics([topics.messages, topics.labels, topics.deadLetters], topics.partitions);
    const store = recordingStore();
    let crashed: Error | undefined;
    const worker = buildClassifierWorker(
      { bus, store, classifier: model, logger: silentLogger() },
      { topics, groupId: 'property', batchSize: 16, onCrash: (e) => (crashed = e) },
    );
    await worker.start();
    const sink = await bus.producer();
    // Each bad record sits between two valid ones of the same channel (same partition).
    let valid = 0;
    const records = bad.flatMap(({ bytes }, i) => {
      const channel = String(7_000_000_000 + (i % 8));
      const around = [0, 1].map(() =>
        Buffer.from(
          JSON.stringify(sampleMessage({ channel_id: channel, message_id: ++valid, text: `post ${valid}` })),
        ),
      );
      return [around[0]!, bytes, around[1]!].map((value) => ({
        topic: topics.messages,
        key: channel,
        value,
      }));
    });
    await sink.send(records);
    const deadline = Date.now() + 60_000;
    while ((await bus.lag('property', [topics.messages])) > 0 && Date.now() < deadline && !crashed)
      await sleep(20);
    await worker.close();

    expect(crashed).toBeUndefined();
    expect(await bus.lag('property', [topics.messages])).toBe(0);
    expect(await store.countMessages()).toBe(valid);
    expect(store.deadLetters).toHaveLength(BAD);
    const raws = new Set(bad.map((b) => b.bytes.toString('base64')));
    for (const { deadLetter } of store.deadLetters) {
      assertValid('dead-letter.v1', deadLetter);
      expect(['decode', 'validate']).toContain(deadLetter.stage);
      expect(deadLetter.error.message.length).toBeGreaterThan(10);
      if (!deadLetter.raw_truncated) {
        const raw = Buffer.from(deadLetter.raw, deadLetter.raw_encoding === 'base64' ? 'base64' : 'utf8');
        expect(raws.has(raw.toString('base64'))).toBe(true);
      }
    }
    await store.close();
  });
});
