/**
 * A worker SIGKILLed in the middle of a batch, over and over: each incarnation is killed as soon as
 * it has stored its first batch (so the kill lands while the next one is being classified, stored
 * or committed), then replaced by a new process with the same worker id, which fences the dead
 * one's open transaction. At the end every message is in the store once and every poison record
 * is dead-lettered once.
 */
import { expect } from 'vitest';
import { storeCounts } from '../../pipeline-fixtures.ts';
import { expectRunning, FaultPipeline, waitFor } from '../fault-pipeline.ts';
import { interleave, numberedMessages, poisonRecords } from '../fault-records.ts';
import type { FaultSummary } from '../fault-summary.ts';
import { measure } from '../fault-verdict.ts';

const KILLS = 20;
const MESSAGES = 20_000;

export async function workerSigkilledRepeatedly(summary: FaultSummary): Promise<void> {
  const p = new FaultPipeline('sigkill', { TGRISK_BATCH_SIZE: '16', TGRISK_WORKER_ID: 'sigkill-test' });
  try {
    await p.createTopics();
    const good = numberedMessages(p.topics.messages, 0, MESSAGES);
    const poison = poisonRecords(p.topics.messages);
    await p.send(
      interleave(
        good.map((g) => g.record),
        poison,
      ),
      1000,
    );

    let kills = 0;
    let inFlightAtKill = 0;
    const started = Date.now();
    while (kills < KILLS) {
      const before = storeCounts(p.dbPath).rows;
      const worker = p.startWorker();
      await waitFor(
        async () => {
          await expectRunning(worker);
          return storeCounts(p.dbPath).rows > before;
        },
        60_000,
        `worker incarnation ${kills + 1} to store a batch`,
      );
      worker.child.kill('SIGKILL');
      await worker.done;
      kills++;
      // Stored but not committed: the kill caught a batch between the store write and the commit.
      const counts = storeCounts(p.dbPath);
      const committed = [...(await p.committedOffsets()).values()].reduce(
        (n, o) => n + (o > 0n ? o : 0n),
        0n,
      );
      if (BigInt(counts.rows + counts.deadLetters) > committed) inFlightAtKill++;
      expect(counts.rows, 'the backlog ran out before the last kill; send more messages').toBeLessThan(
        MESSAGES,
      );
    }
    const killPhase = Date.now() - started;
    const storedAtLastKill = storeCounts(p.dbPath).rows;

    const last = p.startWorker();
    const catchUp = await waitFor(
      async () => {
        await expectRunning(last);
        return storeCounts(p.dbPath).rows >= MESSAGES && (await p.lag()) === 0;
      },
      120_000,
      'the last worker to catch up',
    );
    const figures = await measure(
      p,
      good.map((g) => g.key),
      poison.map((r) => r.value),
    );
    summary.add('worker SIGKILLed x20', figures, [
      `${kills} kills in ${(killPhase / 1000).toFixed(0)} s, ${inFlightAtKill} of them with stored-but-uncommitted work`,
      `${storedAtLastKill} stored at the last kill; caught up ${(catchUp / 1000).toFixed(1)} s after the last restart`,
    ]);
    expect(figures).toMatchObject({
      lost: 0,
      duplicated: 0,
      unexpected: 0,
      wrongDeadLetters: 0,
      topicRepeats: 0,
    });
    expect(figures.labelled).toBe(MESSAGES);
    expect(figures.deadLettered).toBe(poison.length);
    last.child.kill('SIGTERM');
    expect((await last.done).code).toBe(0);
  } finally {
    await p.close();
  }
}
