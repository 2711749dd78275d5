import { describe, expect, it } from 'vitest';
import {
  sampleMessage,
  silentLogger,
  TransientError,
  type Classifier,
  type ConsumedRecord,
  type LabelPrediction,
} from '@tg-risk/core';
import { createInProcessBus } from '@tg-risk/bus';
import { openSqliteStore } from '@tg-risk/store';
import { assertValid } from '@tg-risk/schemas';
import { buildClassifierWorker } from './app.ts';

const topics = { messages: 'm', labels: 'l', deadLetters: 'd', partitions: 1 };

function prediction(text: string): LabelPrediction {
  const drugs = text.includes('drugs') ? 0.9 : 0.1;
  return {
    labels: drugs > 0.5 ? ['drugs'] : [],
    scores: { fraud: 0.1, drugs, terrorism: 0.1 },
    thresholds: { set: 'test', fraud: 0.5, drugs: 0.5, terrorism: 0.5 },
    evidence: [],
    model: 'fake@1',
  };
}

/** A classifier double that throws for texts containing "poison" (like a model crashing on one input). */
function fakeClassifier(): Classifier & { calls: number } {
  const c = {
    model: 'fake@1',
    calls: 0,
    async classify(texts: readonly string[]) {
      c.calls++;
      if (texts.some((t) => t.includes('poison'))) throw new Error('model exploded on this input');
      return texts.map(prediction);
    },
    async close() {},
  };
  return c;
}

function record(offset: number, value: string | Buffer): ConsumedRecord {
  return {
    topic: 'm',
    partition: 0,
    offset: String(offset),
    key: '1001',
    value: Buffer.isBuffer(value) ? value : Buffer.from(value),
  };
}

function setup(classifier: Classifier = fakeClassifier()) {
  const store = openSqliteStore({ path: ':memory:' });
  const worker = buildClassifierWorker(
    {
      bus: createInProcessBus(),
      store,
      classifier,
      logger: silentLogger(),
      now: () => new Date('2025-01-01T00:00:00Z'),
    },
    { topics, groupId: 'g', batchSize: 2 },
  );
  return { store, worker };
}

describe('classifier worker batch handling', () => {
  it('labels valid messages, stores them and returns label.v1 records keyed by channel', async () => {
    const { store, worker } = setup();
    const out = await worker.handleBatch({
      topic: 'm',
      partition: 0,
      records: [1, 2, 3].map((i) =>
        record(i, JSON.stringify(sampleMessage({ message_id: i, text: i === 2 ? 'drugs here' : 'ok' }))),
      ),
    });
    expect(out).toHaveLength(3);
    const labels = out.map((r) => assertValid('label.v1', JSON.parse(r.value.toString())));
    expect(labels.map((l) => [l.message_id, l.labels])).toEqual([
      [1, []],
      [2, ['drugs']],
      [3, []],
    ]);
    expect(out.every((r) => r.topic === 'l' && r.key === '1001')).toBe(true);
    expect(await store.countMessages()).toBe(3);
  });

  it('dead-letters bad records with their reason and position and keeps the good ones', async () => {
    const { store, worker } = setup();
    const out = await worker.handleBatch({
      topic: 'm',
      partition: 0,
      records: [
        record(10, '{"truncated":'),
        record(11, Buffer.from([0xff, 0xfe, 0x00])),
        record(12, JSON.stringify({ ...sampleMessage(), message_id: -5 })),
        record(13, JSON.stringify(sampleMessage({ message_id: 13 }))),
        record(14, JSON.stringify(sampleMessage({ message_id: 14, text: 'poison pill' }))),
      ],
    });
    const dead = out
      .filter((r) => r.topic === 'd')
      .map((r) => assertValid('dead-letter.v1', JSON.parse(r.value.toString())));
    expect(dead.map((d) => [d.where.offset, d.stage, d.error.code])).toEqual([
      ['10', 'decode', 'RECORD_NOT_JSON'],
      ['11', 'decode', 'RECORD_NOT_UTF8'],
      ['12', 'validate', 'MESSAGE_INVALID'],
      ['14', 'classify', 'ERROR'],
    ]);
    expect(dead[2]!.error.message).toMatch(/m\[0\]@12: not a message\.v1: \/message_id must be >= 1/);
    expect(dead[1]!.raw_encoding).toBe('base64');
    expect(dead[0]!.raw).toBe('{"truncated":');
    expect(out.filter((r) => r.topic === 'l')).toHaveLength(1);
    expect(await store.countMessages()).toBe(1);
    expect(await store.countDeadLetters()).toBe(4);
  });

  it('lets a transient classifier failure fail the batch so nothing is committed', async () => {
    const flaky: Classifier = {
      model: 'flaky@1',
      classify: async () => {
        throw new TransientError('MODEL_UNAVAILABLE', 'model server away');
      },
      close: async () => {},
    };
    const { store, worker } = setup(flaky);
    await expect(
      worker.handleBatch({ topic: 'm', partition: 0, records: [record(1, JSON.stringify(sampleMessage()))] }),
    ).rejects.toThrow('model server away');
    expect(await store.countMessages()).toBe(0);
  });

  it('classifies in chunks of the configured batch size', async () => {
    const classifier = fakeClassifier();
    const { worker } = setup(classifier);
    await worker.handleBatch({
      topic: 'm',
      partition: 0,
      records: [1, 2, 3, 4, 5].map((i) => record(i, JSON.stringify(sampleMessage({ message_id: i })))),
    });
    expect(classifier.calls).toBe(3);
  });
});
