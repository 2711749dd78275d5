/**
 * The conformance suite every Bus implementation passes (the in-process bus in unit tests, Kafka in
 * integration tests), so the embedded default cannot drift from the real thing.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  TransientError,
  type BatchHandler,
  type Bus,
  type BusConsumer,
  type ConsumedRecord,
} from '@tg-risk/core';

export interface BusContractOptions {
  /** Generous bound for "eventually" checks: a real broker needs group joins and fetch waits. */
  timeoutMs: number;
}

/** Waits until `probe` returns true, polling; fails with `what` after the timeout. */
export async function eventually(
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Registers the shared Bus conformance tests under `describe(name)`. */
export function describeBusContract(name: string, makeBus: () => Bus, options: BusContractOptions): void {
  describe(`Bus contract: ${name}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    async function setup(partitions = 3) {
      const bus = makeBus();
      const id = randomUUID().slice(0, 8);
      const input = `test-in-${id}`;
      const output = `test-out-${id}`;
      await bus.ensureTopics([input, output], partitions);
      const producer = await bus.producer();
      const consumers: BusConsumer[] = [];
      cleanups.push(async () => {
        for (const c of consumers) await c.close();
        await producer.close();
        await bus.close();
      });
      async function consume(groupId: string, handler: BatchHandler): Promise<BusConsumer> {
        const consumer = await bus.consumer({ groupId, topics: [input], memberId: randomUUID() });
        consumers.push(consumer);
        await consumer.start(handler);
        return consumer;
      }
      const send = (records: Array<{ key: string; value: string }>) =>
        producer.send(records.map((r) => ({ topic: input, key: r.key, value: Buffer.from(r.value) })));
      return { bus, input, output, consume, send, group: `test-group-${id}` };
    }

    it('delivers every record once to a group, in order per key, and commits after the handler', async () => {
      const { bus, input, consume, send, group } = await setup();
      const sent = Array.from({ length: 60 }, (_, i) => ({
        key: `channel-${i % 5}`,
        value: `${i % 5}:${i}`,
      }));
      await send(sent);
      const seen: ConsumedRecord[] = [];
      await consume(group, async (batch) => {
        seen.push(...batch.records);
        return [];
      });
      await eventually(
        async () => (await bus.lag(group, [input])) === 0 && seen.length >= 60,
        options.timeoutMs,
        'lag 0',
      );
      expect(seen.map((r) => r.value.toString()).sort()).toEqual(sent.map((r) => r.value).sort());
      for (let k = 0; k < 5; k++) {
        const order = seen
          .filter((r) => r.key === `channel-${k}`)
          .map((r) => Number(r.value.toString().split(':')[1]));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(new Set(seen.filter((r) => r.key === `channel-${k}`).map((r) => r.partition)).size).toBe(1);
      }
    });

    it('publishes what the handler returns, keyed, together with the commit', async () => {
      const { bus, input, output, consume, send, group } = await setup();
      await send(Array.from({ length: 20 }, (_, i) => ({ key: `k${i % 4}`, value: String(i) })));
      await consume(group, async (batch) =>
        batch.records.map((r) => ({
          topic: output,
          key: r.key,
          value: Buffer.from(`out:${r.value.toString()}`),
        })),
      );
      await eventually(
        async () => (await bus.lag(group, [input])) === 0,
        options.timeoutMs,
        'input consumed',
      );
      const echoes: string[] = [];
      const reader = `${group}-reader`;
      const readerConsumer = await bus.consumer({ groupId: reader, topics: [output] });
      cleanups.push(() => readerConsumer.close());
      await readerConsumer.start(async (batch) => {
        echoes.push(...batch.records.map((r) => r.value.toString()));
        return [];
      });
      await eventually(() => echoes.length >= 20, options.timeoutMs, '20 outputs');
      expect(echoes.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `out:${i}`).sort());
    });

    it('redelivers a batch whose handler failed with a retriable error, skipping nothing', async () => {
      const { bus, input, consume, send, group } = await setup(1);
      await send(Array.from({ length: 10 }, (_, i) => ({ key: 'one', value: String(i) })));
      let failures = 0;
      const processed: string[] = [];
      await consume(group, async (batch) => {
        if (failures < 2) {
          failures++;
          throw new TransientError('TEST_STORE_DOWN', 'store is down');
        }
        processed.push(...batch.records.map((r) => r.value.toString()));
        return [];
      });
      await eventually(
        async () => (await bus.lag(group, [input])) === 0,
        options.timeoutMs,
        'lag 0 after retries',
      );
      expect(failures).toBe(2);
      expect(processed).toEqual(Array.from({ length: 10 }, (_, i) => String(i)));
    });

    it('resumes a group from its committed offsets: a new member does not see committed records again', async () => {
      const { bus, input, consume, send, group } = await setup();
      await send(Array.from({ length: 12 }, (_, i) => ({ key: `k${i}`, value: `first-${i}` })));
      const first: string[] = [];
      const c1 = await consume(group, async (batch) => {
        first.push(...batch.records.map((r) => r.value.toString()));
        return [];
      });
      await eventually(async () => (await bus.lag(group, [input])) === 0, options.timeoutMs, 'first pass');
      await c1.close();
      await send(Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, value: `second-${i}` })));
      const second: string[] = [];
      await consume(group, async (batch) => {
        second.push(...batch.records.map((r) => r.value.toString()));
        return [];
      });
      await eventually(
        async () => (await bus.lag(group, [input])) === 0 && second.length >= 6,
        options.timeoutMs,
        'second pass',
      );
      expect(first).toHaveLength(12);
      expect(second.sort()).toEqual(Array.from({ length: 6 }, (_, i) => `second-${i}`).sort());
    });

    it('shares partitions between two members of one group', async () => {
      const { bus, input, consume, send, group } = await setup(4);
      const byMember: string[][] = [[], []];
      await consume(group, async (batch) => {
        byMember[0]!.push(...batch.records.map((r) => r.value.toString()));
        return [];
      });
      await consume(group, async (batch) => {
        byMember[1]!.push(...batch.records.map((r) => r.value.toString()));
        return [];
      });
      // Give the group time to settle with both members before sending.
      await new Promise((r) => setTimeout(r, Math.min(4000, options.timeoutMs / 4)));
      await send(Array.from({ length: 80 }, (_, i) => ({ key: `channel-${i % 16}`, value: String(i) })));
      await eventually(
        async () => (await bus.lag(group, [input])) === 0,
        options.timeoutMs,
        'both members done',
      );
      const all = [...byMember[0]!, ...byMember[1]!];
      expect(new Set(all).size).toBe(80);
      expect(byMember[0]!.length).toBeGreaterThan(0);
      expect(byMember[1]!.length).toBeGreaterThan(0);
    });
  });
}
