import { describe, expect, it } from 'vitest';
import {
  CORRELATION_HEADER,
  createPipelineMetrics,
  sampleMessage,
  silentLogger,
  TransientError,
  type Classifier,
  type LabelStore,
} from '@tg-risk/core';
import { createInProcessBus } from '@tg-risk/bus';
import { openSqliteStore } from '@tg-risk/store';
import { buildClassifierWorker } from './app.ts';

const topics = { messages: 'm', labels: 'l', deadLetters: 'd', partitions: 1 };

const classifier: Classifier = {
  model: 'fake@1',
  async classify(texts) {
    return texts.map((t) => ({
      labels: t.includes('drugs') ? ['drugs' as const] : [],
      scores: { fraud: 0.1, drugs: t.includes('drugs') ? 0.9 : 0.1, terrorism: 0.1 },
      thresholds: { set: 'test', fraud: 0.5, drugs: 0.5, terrorism: 0.5 },
      evidence: [],
      model: 'fake@1',
    }));
  },
  async close() {},
};

function setup(store: LabelStore = openSqliteStore({ path: ':memory:' })) {
  const metrics = createPipelineMetrics({ service: 'classifier' });
  const worker = buildClassifierWorker(
    { bus: createInProcessBus(), store, classifier, logger: silentLogger(), metrics },
    { topics, groupId: 'g', batchSize: 8 },
  );
  return { worker, metrics };
}

const record = (offset: number, value: string, correlationId?: string) => ({
  topic: 'm',
  partition: 0,
  offset: String(offset),
  key: '1001',
  value: Buffer.from(value),
  ...(correlationId ? { headers: { [CORRELATION_HEADER]: correlationId } } : {}),
});

describe('classifier worker operability', () => {
  it('carries each record’s correlation id onto its label and dead-letter records', async () => {
    const { worker } = setup();
    const out = await worker.handleBatch({
      topic: 'm',
      partition: 0,
      records: [
        record(0, JSON.stringify(sampleMessage({ message_id: 1 })), 'c-1'),
        record(1, 'not json', 'c-2'),
        record(2, JSON.stringify(sampleMessage({ message_id: 3 }))),
      ],
    });
    expect(out.map((r) => [r.topic, r.headers?.[CORRELATION_HEADER]])).toEqual([
      ['l', 'c-1'],
      ['l', undefined],
      ['d', 'c-2'],
    ]);
  });

  it('counts labels per class, dead letters, store writes and model calls', async () => {
    const { worker, metrics } = setup();
    await worker.handleBatch({
      topic: 'm',
      partition: 0,
      records: [
        record(0, JSON.stringify(sampleMessage({ message_id: 1, text: 'drugs' }))),
        record(1, JSON.stringify(sampleMessage({ message_id: 2, text: 'hello' }))),
        record(2, '{"truncated":'),
      ],
    });
    const text = await metrics.render();
    expect(text).toMatch(/^tgrisk_labels_total\{class="drugs"[^}]*\} 1$/m);
    expect(text).toMatch(/^tgrisk_labels_total\{class="none"[^}]*\} 1$/m);
    expect(text).toMatch(/^tgrisk_dead_letters_total\{stage="decode",code="RECORD_NOT_JSON"[^}]*\} 1$/m);
    expect(text).toMatch(/^tgrisk_store_write_seconds_count\{[^}]*operation="labelled"[^}]*\} 1$/m);
    expect(text).toMatch(/^tgrisk_model_inference_seconds_count\{[^}]*model="fake@1"[^}]*\} 1$/m);
  });

  it('reports the store unwritable while it refuses writes, and writable again after', async () => {
    const real = openSqliteStore({ path: ':memory:' });
    let refuse = true;
    const store: LabelStore = Object.assign(Object.create(real) as LabelStore, {
      async saveLabelled(items: Parameters<LabelStore['saveLabelled']>[0]) {
        if (refuse) throw new TransientError('STORE_UNAVAILABLE', 'SQLite store x not writable: SQLITE_BUSY');
        return real.saveLabelled(items);
      },
    });
    const { worker, metrics } = setup(store);
    const batch = { topic: 'm', partition: 0, records: [record(0, JSON.stringify(sampleMessage()))] };
    await expect(worker.handleBatch(batch)).rejects.toThrow('not writable');
    expect(worker.status().storeWritable).toBe(false);
    expect(await metrics.render()).toMatch(/^tgrisk_store_available\{[^}]*\} 0$/m);
    refuse = false;
    await worker.handleBatch(batch);
    expect(worker.status().storeWritable).toBe(true);
    expect(await metrics.render()).toMatch(/^tgrisk_store_available\{[^}]*\} 1$/m);
  });
});
