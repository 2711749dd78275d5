/**
 * The store refuses writes for 20 s: another process holds SQLite's write lock (what a backup, a
 * long migration or a stuck writer does; the worker sees SQLITE_BUSY, the same STORE_UNAVAILABLE
 * path as a read-only file). The worker must stop committing offsets, retry with backoff, say so in
 * its log, /metrics and /readyz, and catch up by itself once the store is back.
 */
import { expect } from 'vitest';
import Database from 'better-sqlite3';
import { storeCounts } from '../../pipeline-fixtures.ts';
import { expectRunning, FaultPipeline, waitFor } from '../fault-pipeline.ts';
import { interleave, numberedMessages, poisonRecords } from '../fault-records.ts';
import type { FaultSummary } from '../fault-summary.ts';
import { measure } from '../fault-verdict.ts';
import { freePort, get, metricValue } from '../ops-probe.ts';

const OUTAGE_MS = 20_000;

export async function storeUnwritable(summary: FaultSummary): Promise<void> {
  const port = await freePort();
  const p = new FaultPipeline('store', {
    TGRISK_BATCH_SIZE: '16',
    TGRISK_WORKER_ID: 'store-test',
    TGRISK_METRICS_PORT: String(port),
  });
  try {
    await p.createTopics();
    const good = numberedMessages(p.topics.messages, 0, 4000);
    const poison = poisonRecords(p.topics.messages);
    const worker = p.startWorker();
    await p.send(good.slice(0, 2000).map((g) => g.record));
    await waitFor(
      async () => {
        await expectRunning(worker);
        return storeCounts(p.dbPath).rows >= 2000 && (await p.lag()) === 0;
      },
      60_000,
      'the first half to be stored',
    );
    await waitFor(async () => (await get(port, '/readyz'))?.status === 200, 30_000, 'the worker to be ready');

    // The outage: hold the write lock (readers still read, in WAL mode).
    const lock = new Database(p.dbPath);
    lock.exec('BEGIN EXCLUSIVE');
    const lockedAt = Date.now();
    let metricsDuring = '';
    let readyDuring: { status: number; body: string } | null = null;
    let committedDuring: Map<number, bigint>;
    try {
      await p.send(
        interleave(
          good.slice(2000).map((g) => g.record),
          poison,
        ),
      );
      await waitFor(
        async () => {
          await expectRunning(worker);
          metricsDuring = (await get(port, '/metrics'))?.body ?? '';
          return metricValue(metricsDuring, 'tgrisk_store_available') === 0;
        },
        OUTAGE_MS,
        'the worker to report the store unavailable in /metrics',
      );
      readyDuring = await get(port, '/readyz');
      committedDuring = await p.committedOffsets();
      await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - lockedAt))));
      // Nothing committed while nothing could be stored.
      expect(await p.committedOffsets()).toEqual(committedDuring);
      expect(storeCounts(p.dbPath).rows).toBe(2000);
    } finally {
      lock.exec('COMMIT');
      lock.close();
    }
    const releasedAt = Date.now();
    await waitFor(
      async () => {
        await expectRunning(worker);
        return storeCounts(p.dbPath).rows >= good.length && (await p.lag()) === 0;
      },
      60_000,
      'the worker to catch up after the store came back',
    );
    const catchUpMs = Date.now() - releasedAt;
    const metricsAfter = (await get(port, '/metrics'))?.body ?? '';
    const readyAfter = await get(port, '/readyz');
    worker.child.kill('SIGTERM');
    const result = await worker.done;
    const retries = result.stderr
      .split('\n')
      .filter((l) => l.includes('store unavailable, offsets not committed, retrying in'))
      .map((l) => JSON.parse(l) as { attempt: number; delayMs: number; code: string });

    expect(readyDuring?.status).toBe(503);
    expect(JSON.parse(readyDuring!.body).checks.store.ok).toBe(false);
    expect(
      metricValue(metricsDuring, 'tgrisk_batch_retries_total', { code: 'STORE_UNAVAILABLE' }),
    ).toBeGreaterThan(0);
    // Backoff: attempts counted up, each delay within its exponential ceiling (200 ms x 2^attempt).
    expect(retries.length).toBeGreaterThanOrEqual(3);
    expect(retries.map((r) => r.attempt).slice(0, 3)).toEqual([0, 1, 2]);
    for (const r of retries) expect(r.delayMs).toBeLessThanOrEqual(Math.min(10_000, 200 * 2 ** r.attempt));
    expect(metricValue(metricsAfter, 'tgrisk_store_available')).toBe(1);
    expect(readyAfter?.status).toBe(200);
    expect(result.code).toBe(0);

    const figures = await measure(
      p,
      good.map((g) => g.key),
      poison.map((r) => r.value),
    );
    summary.add('store unwritable 20 s', figures, [
      `${retries.length} "store unavailable, offsets not committed, retrying in N ms" lines (delays ${retries.map((r) => r.delayMs).join(', ')} ms)`,
      `/readyz 503 and tgrisk_store_available 0 during the outage; caught up ${(catchUpMs / 1000).toFixed(1)} s after`,
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
  } finally {
    await p.close();
  }
}
