/**
 * SIGTERM while a worker is mid-stream: it must exit 0 within a bound, leave its group at once (not
 * after a session timeout), and have committed only offsets whose records are in the store. A new
 * worker then finishes the stream; every message is stored exactly once.
 */
import { expect } from 'vitest';
import Database from 'better-sqlite3';
import { Kafka, logLevel } from 'kafkajs';
import { storeCounts } from '../../pipeline-fixtures.ts';
import { FAULT_BROKERS } from '../fault-broker.ts';
import { expectRunning, FaultPipeline, waitFor } from '../fault-pipeline.ts';
import { interleave, numberedMessages, poisonRecords } from '../fault-records.ts';
import type { FaultSummary } from '../fault-summary.ts';
import { measure } from '../fault-verdict.ts';

/** How long a worker may take from SIGTERM to exit (it finishes one batch of at most 500 records). */
const EXIT_BOUND_MS = 15_000;

export async function workerSigtermedMidStream(summary: FaultSummary): Promise<void> {
  const p = new FaultPipeline('sigterm', { TGRISK_BATCH_SIZE: '8', TGRISK_WORKER_ID: 'sigterm-test' });
  try {
    await p.createTopics();
    const good = numberedMessages(p.topics.messages, 0, 6000);
    const poison = poisonRecords(p.topics.messages);
    await p.send(
      interleave(
        good.map((g) => g.record),
        poison,
      ),
      1000,
    );
    const worker = p.startWorker();
    await waitFor(
      async () => {
        await expectRunning(worker);
        return storeCounts(p.dbPath).rows > 0;
      },
      60_000,
      'the worker to store its first batch',
    );
    const signalled = Date.now();
    worker.child.kill('SIGTERM');
    const result = await worker.done;
    const exitMs = Date.now() - signalled;
    const group = await p.groupState();
    const storedAtExit = storeCounts(p.dbPath).rows;
    const uncovered = await committedButNotStored(p);

    expect(result.code, result.stderr).toBe(0);
    expect(exitMs).toBeLessThan(EXIT_BOUND_MS);
    // Left the group itself: nobody is left to time out.
    expect(group).toEqual({ state: 'Empty', members: 0 });
    expect(uncovered).toBe(0);
    expect(storedAtExit).toBeLessThan(good.length);

    const next = p.startWorker();
    await waitFor(
      async () => {
        await expectRunning(next);
        return storeCounts(p.dbPath).rows >= good.length && (await p.lag()) === 0;
      },
      90_000,
      'the next worker to finish the stream',
    );
    const figures = await measure(
      p,
      good.map((g) => g.key),
      poison.map((r) => r.value),
    );
    summary.add('worker SIGTERMed mid-stream', figures, [
      `exit 0 after ${exitMs} ms (bound ${EXIT_BOUND_MS} ms), group ${group.state} at once`,
      `${storedAtExit} stored at exit, 0 committed offsets without their record stored`,
    ]);
    expect(figures).toMatchObject({
      lost: 0,
      duplicated: 0,
      unexpected: 0,
      wrongDeadLetters: 0,
      topicRepeats: 0,
    });
    expect(figures.labelled).toBe(good.length);
    expect(figures.deadLettered).toBe(poison.length);
    next.child.kill('SIGTERM');
    expect((await next.done).code).toBe(0);
  } finally {
    await p.close();
  }
}

/**
 * Records below the group's committed offsets whose message is neither in the store nor
 * dead-lettered: what a worker committed without storing (must be 0).
 */
async function committedButNotStored(p: FaultPipeline): Promise<number> {
  const committed = await p.committedOffsets();
  const db = new Database(p.dbPath, { readonly: true, fileMustExist: true });
  const stored = db.prepare('SELECT 1 FROM messages WHERE channel_id = ? AND message_id = ?');
  const dead = db.prepare('SELECT 1 FROM dead_letters WHERE source_key = ?');
  const kafka = new Kafka({
    clientId: 'fault-positions',
    brokers: FAULT_BROKERS,
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `fault-positions-${p.id}` });
  const total = [...committed.values()].reduce((n, o) => n + (o > 0n ? o : 0n), 0n);
  let seen = 0n;
  let missing = 0;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: p.topics.messages, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (BigInt(message.offset) >= (committed.get(partition) ?? 0n)) return;
        seen++;
        if (dead.get(`${p.topics.messages}/${partition}/${message.offset}`)) return;
        try {
          const m = JSON.parse(message.value!.toString()) as { channel_id: string; message_id: number };
          if (stored.get(m.channel_id, m.message_id)) return;
        } catch {
          // Not a message: must have been dead-lettered, which it was not.
        }
        missing++;
      },
    });
    await waitFor(() => seen >= total, 60_000, `reading the ${total} committed records back`);
  } finally {
    await consumer.disconnect();
    db.close();
  }
  return missing;
}
