/**
 * Live ingestion SIGKILLed in the middle of a channel's backfill, then started again: it resumes
 * from its per-channel checkpoint (packages/store/src/ingest-state), so nothing is missing and at
 * most the one page in flight at the kill (published, checkpoint not yet written) is published
 * again; the store's upsert absorbs that page, and every message is labelled once.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { storeCounts } from '../../pipeline-fixtures.ts';
import { expectRunning, FaultPipeline, stopGracefully, waitFor } from '../fault-pipeline.ts';
import type { FaultSummary } from '../fault-summary.ts';
import { measure, readCommitted } from '../fault-verdict.ts';

const LIVE_BACKFILL = fileURLToPath(new URL('../live-backfill.ts', import.meta.url));
const CHANNEL = '1901000001';
const MESSAGES = 3000;
/** Messages per history request of live ingestion (its default page size). */
const PAGE = 100;

export async function liveIngestionKilledMidBackfill(summary: FaultSummary): Promise<void> {
  const p = new FaultPipeline('live', {
    TGRISK_WORKER_ID: 'live-test',
    TG_API_ID: '12345',
    TG_API_HASH: '0123456789abcdef0123456789abcdef',
    TG_SESSION: `1BQANOTAREALSESSION${'x'.repeat(60)}=`,
  });
  try {
    await p.createTopics();
    const channels = path.join(p.dir, 'channels.txt');
    writeFileSync(channels, 'faultbackfill\n');
    const args = [channels, CHANNEL, String(MESSAGES), '40'];
    const published = async () => {
      const offsets = await (await p.admin()).fetchTopicOffsets(p.topics.messages);
      return offsets.reduce((n, o) => n + Number(o.high), 0);
    };
    const first = p.spawnScript(LIVE_BACKFILL, args);
    await waitFor(
      async () => {
        await expectRunning(first, 'live ingestion');
        return (await published()) >= MESSAGES / 4;
      },
      90_000,
      'live ingestion to publish a quarter of the backfill',
    );
    first.child.kill('SIGKILL');
    await first.done;
    const atKill = await published();
    expect(atKill).toBeLessThan(MESSAGES);
    p.step(`live ingestion killed with ${atKill} published`);

    const second = await p.spawnScript(LIVE_BACKFILL, args).done;
    expect(second.code, second.stderr).toBe(0);
    const total = await published();
    const worker = p.startWorker();
    await waitFor(
      async () => {
        await expectRunning(worker);
        return storeCounts(p.dbPath).rows >= MESSAGES && (await p.lag()) === 0;
      },
      90_000,
      'the worker to label the backfill',
    );
    const keys = Array.from({ length: MESSAGES }, (_, i) => `${CHANNEL}/${i + 1}`);
    const figures = await measure(p, keys, []);
    const onTopic = (await readCommitted(p.topics.messages, total)).map(
      ({ value }) => JSON.parse(value.toString()) as { message_id: number },
    );
    const repeated = onTopic.length - new Set(onTopic.map((m) => m.message_id)).size;
    summary.add('live ingestion SIGKILLed', figures, [
      `killed after ${atKill} of ${MESSAGES} published; the restart resumed from its checkpoint and ` +
        `published ${total - atKill} more; ${repeated} published twice (at most the page in flight at the kill may be)`,
    ]);
    expect(figures).toMatchObject({ lost: 0, duplicated: 0, unexpected: 0, deadLettered: 0 });
    expect(figures.labelled).toBe(MESSAGES);
    // Resumed, not restarted: at most the page in flight is published again.
    expect(repeated).toBeLessThanOrEqual(PAGE);
    expect((await stopGracefully(worker)).code).toBe(0);
  } finally {
    await p.close();
  }
}
