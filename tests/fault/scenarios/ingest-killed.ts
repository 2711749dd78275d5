/**
 * Export ingestion (`tgrisk run --no-worker EXPORT`) SIGKILLed in the middle of a backfill, then run
 * again. Export ingestion keeps no checkpoint: the second run publishes the file from the start, so
 * the messages topic holds the first run's records twice; the store's upsert on (channel, message)
 * absorbs them, and what matters downstream holds: no gap and no duplicate row.
 * (Live ingestion's per-channel checkpoint, services/ingest/src/telegram-live, is another path.)
 */
import path from 'node:path';
import { expect } from 'vitest';
import { storeCounts } from '../../pipeline-fixtures.ts';
import { expectRunning, FaultPipeline, waitFor } from '../fault-pipeline.ts';
import { writeExport } from '../fault-records.ts';
import type { FaultSummary } from '../fault-summary.ts';
import { measure } from '../fault-verdict.ts';

const MESSAGES = 30_000;

export async function ingestionKilledMidBackfill(summary: FaultSummary): Promise<void> {
  const p = new FaultPipeline('ingest', { TGRISK_WORKER_ID: 'ingest-test' });
  try {
    await p.createTopics();
    const exportPath = path.join(p.dir, 'result.json');
    const keys = writeExport(exportPath, 1_777_000_001, MESSAGES);
    const published = async () => {
      const offsets = await (await p.admin()).fetchTopicOffsets(p.topics.messages);
      return offsets.reduce((n, o) => n + Number(o.high), 0);
    };
    const first = p.spawn(['run', '--no-worker', exportPath]);
    await waitFor(
      async () => {
        await expectRunning(first, 'the first ingestion');
        return (await published()) >= MESSAGES / 5;
      },
      60_000,
      'the first ingestion to publish a fifth of the export',
    );
    first.child.kill('SIGKILL');
    await first.done;
    const atKill = await published();
    expect(atKill).toBeLessThan(MESSAGES);

    const second = await p.spawn(['run', '--no-worker', exportPath]).done;
    expect(second.code, second.stderr).toBe(0);
    const worker = p.startWorker();
    await waitFor(
      async () => {
        await expectRunning(worker);
        return storeCounts(p.dbPath).rows >= MESSAGES && (await p.lag()) === 0;
      },
      90_000,
      'the worker to label the export',
    );
    const total = await published();
    const figures = await measure(p, keys, []);
    summary.add('export ingestion SIGKILLed', figures, [
      `killed after ${atKill} of ${MESSAGES} published; the re-run published ${total - atKill} (no checkpoint: ` +
        `${total - MESSAGES} records on the topic twice, absorbed by the store's upsert)`,
    ]);
    expect(figures).toMatchObject({ lost: 0, duplicated: 0, unexpected: 0, deadLettered: 0 });
    expect(figures.labelled).toBe(MESSAGES);
    // Each record published twice is labelled twice on the topic (one row in the store).
    expect(figures.topicRepeats).toBe(total - MESSAGES);
    worker.child.kill('SIGTERM');
    expect((await worker.done).code).toBe(0);
  } finally {
    await p.close();
  }
}
