/**
 * Rebalances during processing: while one worker labels a stream, a second joins (partitions move
 * to it mid-batch), leaves cleanly (SIGTERM: they move back), and a third joins and is SIGKILLed
 * (they move after its session times out). A batch that two members both processed around a
 * rebalance must not make a second row in the store.
 */
import { expect } from 'vitest';
import { storeCounts } from '../../pipeline-fixtures.ts';
import { expectRunning, FaultPipeline, waitFor, type WorkerProcess } from '../fault-pipeline.ts';
import { interleave, numberedMessages, poisonRecords } from '../fault-records.ts';
import type { FaultSummary } from '../fault-summary.ts';
import { measure } from '../fault-verdict.ts';

const MESSAGES = 12_000;

export async function rebalanceDuringProcessing(summary: FaultSummary): Promise<void> {
  const p = new FaultPipeline('rebalance', { TGRISK_BATCH_SIZE: '8' });
  try {
    await p.createTopics();
    const good = numberedMessages(p.topics.messages, 0, MESSAGES);
    const poison = poisonRecords(p.topics.messages);
    const stream = interleave(
      good.map((g) => g.record),
      poison,
    );
    // A steady stream, as from live ingestion, so every rebalance falls in the middle of work.
    const feeding = p.send(stream, 100, 200);
    // Awaited below; handled here too so a scenario failing first does not leave it unhandled.
    feeding.catch(() => {});
    const a = p.startWorker({ TGRISK_WORKER_ID: 'a' });
    const progress = async (w: WorkerProcess[], more: number, what: string) => {
      const from = storeCounts(p.dbPath).rows;
      await waitFor(
        async () => {
          for (const x of w) await expectRunning(x);
          return storeCounts(p.dbPath).rows >= Math.min(good.length, from + more);
        },
        60_000,
        what,
      );
    };
    await progress([a], 500, 'worker a to start labelling');
    const b = p.startWorker({ TGRISK_WORKER_ID: 'b' });
    await waitFor(async () => (await p.groupState()).members === 2, 60_000, 'worker b to join');
    await progress([a, b], 1000, 'both workers to label after b joined');
    b.child.kill('SIGTERM');
    expect((await b.done).code).toBe(0);
    await progress([a], 1000, 'worker a to label after b left');
    const c = p.startWorker({ TGRISK_WORKER_ID: 'c' });
    await waitFor(async () => (await p.groupState()).members === 2, 60_000, 'worker c to join');
    await progress([a, c], 500, 'both workers to label after c joined');
    c.child.kill('SIGKILL');
    await c.done;
    await feeding;
    await waitFor(
      async () => {
        await expectRunning(a);
        return storeCounts(p.dbPath).rows >= good.length && (await p.lag()) === 0;
      },
      90_000,
      'worker a to finish the stream alone',
    );
    const figures = await measure(
      p,
      good.map((g) => g.key),
      poison.map((r) => r.value),
    );
    summary.add('rebalance: join, leave, join+kill', figures, [
      '3 rebalances while a 12,000-message stream was fed',
    ]);
    expect(figures).toMatchObject({ lost: 0, duplicated: 0, unexpected: 0, wrongDeadLetters: 0 });
    expect(figures.labelled).toBe(good.length);
    expect(figures.deadLettered).toBe(poison.length);
    a.child.kill('SIGTERM');
    expect((await a.done).code).toBe(0);
  } finally {
    await p.close();
  }
}
