/**
 * The conformance suite every LabelStore passes (SQLite now, PostgreSQL later): upsert on
 * (channel id, message id), newest edit wins, dead letters idempotent, summaries counted right.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDeadLetter, sampleLabel, sampleMessage, type LabelStore } from '@tg-risk/core';

/** Registers the shared LabelStore conformance tests. `open` must give an empty store. */
export function describeStoreContract(name: string, open: () => Promise<LabelStore>): void {
  describe(`LabelStore contract: ${name}`, () => {
    const stores: LabelStore[] = [];
    afterEach(async () => {
      for (const s of stores.splice(0)) await s.close();
    });
    async function fresh(): Promise<LabelStore> {
      const store = await open();
      stores.push(store);
      return store;
    }

    it('upserts on (channel id, message id): saving the same message twice keeps one row', async () => {
      const store = await fresh();
      const m = sampleMessage({ message_id: 7 });
      await store.saveLabelled([{ message: m, label: sampleLabel(m, ['drugs']) }]);
      await store.saveLabelled([{ message: m, label: sampleLabel(m, ['drugs']) }]);
      expect(await store.countMessages()).toBe(1);
      const other = sampleMessage({ message_id: 7, channel_id: '2002' });
      await store.saveLabelled([{ message: other, label: sampleLabel(other) }]);
      expect(await store.countMessages()).toBe(2);
    });

    it('keeps the newest edit when an older version is redelivered later', async () => {
      const store = await fresh();
      const original = sampleMessage({ message_id: 3, text: 'v1' });
      const edited = sampleMessage({ message_id: 3, text: 'v2', edit_date: '2025-03-03T00:00:00Z' });
      await store.saveLabelled([{ message: edited, label: sampleLabel(edited, ['fraud']) }]);
      await store.saveLabelled([{ message: original, label: sampleLabel(original) }]);
      const [summary] = await store.channelSummaries();
      expect(summary?.flagged.fraud).toBe(1);
    });

    it('summarises channels: messages and flagged per label and any label', async () => {
      const store = await fresh();
      const items = [
        { id: 1, labels: ['drugs'] as const },
        { id: 2, labels: ['drugs', 'fraud'] as const },
        { id: 3, labels: [] as const },
      ].map(({ id, labels }) => {
        const m = sampleMessage({ message_id: id, channel_username: 'shop', channel_title: 'Shop' });
        return { message: m, label: sampleLabel(m, [...labels]) };
      });
      await store.saveLabelled(items);
      expect(await store.channelSummaries()).toEqual([
        {
          channelId: '1001',
          username: 'shop',
          title: 'Shop',
          messages: 3,
          flagged: { fraud: 1, drugs: 2, terrorism: 0, any: 2 },
        },
      ]);
    });

    it('stores dead letters once per source key', async () => {
      const store = await fresh();
      const dl = makeDeadLetter('{bad', new Error('not json'), 'decode', { topic: 't' }, new Date(0));
      await store.saveDeadLetters([{ sourceKey: 't/0/5', deadLetter: dl }]);
      await store.saveDeadLetters([{ sourceKey: 't/0/5', deadLetter: dl }]);
      await store.saveDeadLetters([{ sourceKey: 't/0/6', deadLetter: dl }]);
      expect(await store.countDeadLetters()).toBe(2);
    });
  });
}
