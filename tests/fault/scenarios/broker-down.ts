/**
 * The broker stops for 30 s in the middle of a run and comes back on its data. Two workers and a
 * live ingestion process are running when it stops, and an export ingestion process is started while it is
 * down: all of them must ride the outage out by themselves (no restart by anyone) and every
 * message must end up labelled exactly once. A worker's /readyz must say the broker is away.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { storeCounts } from '../../pipeline-fixtures.ts';
import { FAULT_BROKERS, pauseFaultBroker, resumeFaultBroker } from '../fault-broker.ts';
import { expectRunning, FaultPipeline, stopGracefully, waitFor } from '../fault-pipeline.ts';
import { numberedMessages, poisonRecords, writeExport } from '../fault-records.ts';
import type { FaultSummary } from '../fault-summary.ts';
import { measure } from '../fault-verdict.ts';
import { freePort, get } from '../ops-probe.ts';

const DOWN_MS = 30_000;
const LIVE_MESSAGES = 8000;
const EXPORT_MESSAGES = 3000;
const LIVE_PRODUCER = fileURLToPath(new URL('../live-producer.ts', import.meta.url));

export async function brokerDownThirtySeconds(summary: FaultSummary): Promise<void> {
  const port = await freePort();
  const p = new FaultPipeline('broker', { TGRISK_BATCH_SIZE: '16' });
  let paused = false;
  try {
    await p.createTopics();
    const live = numberedMessages(p.topics.messages, 0, LIVE_MESSAGES);
    const poison = poisonRecords(p.topics.messages);
    const exportPath = path.join(p.dir, 'result.json');
    const exportKeys = writeExport(exportPath, 1_888_000_001, EXPORT_MESSAGES);
    const workers = [
      p.startWorker({ TGRISK_WORKER_ID: 'a', TGRISK_METRICS_PORT: String(port), LOG_LEVEL: 'debug' }),
      p.startWorker({ TGRISK_WORKER_ID: 'b', LOG_LEVEL: 'debug' }),
    ];
    // Both workers in the group before anything is sent, so the outage falls in the middle of work.
    await waitFor(
      async () => {
        for (const w of workers) await expectRunning(w);
        return (await p.groupState()).members === 2;
      },
      60_000,
      'both workers to join',
    );
    // Live ingestion, as its own process: 100 records every 200 ms, before, during (blocked) and
    // after the outage.
    const producer = p.spawnScript(LIVE_PRODUCER, [
      FAULT_BROKERS.join(','),
      p.topics.messages,
      String(LIVE_MESSAGES),
      '100',
      '200',
    ]);
    // Ready once it has joined and reached the broker (the first probe may still be connecting).
    await waitFor(async () => (await get(port, '/readyz'))?.status === 200, 30_000, 'worker a to be ready');
    await waitFor(
      async () => {
        for (const w of workers) await expectRunning(w);
        return storeCounts(p.dbPath).rows >= 1500;
      },
      60_000,
      'the workers to label the first messages',
    );

    p.step('pausing the broker');
    await pauseFaultBroker();
    p.step('broker stopped');
    paused = true;
    const downAt = Date.now();
    const storedAtStop = storeCounts(p.dbPath).rows;
    // Ingestion started while the broker is away must wait for it, not fail.
    const ingest = p.spawn(['run', '--no-worker', exportPath]);
    await new Promise((r) => setTimeout(r, 5000));
    const readyDown = await get(port, '/readyz');
    await new Promise((r) => setTimeout(r, Math.max(0, DOWN_MS - (Date.now() - downAt))));
    for (const w of workers) await expectRunning(w);
    await expectRunning(ingest, 'export ingestion');
    await expectRunning(producer, 'live ingestion');
    p.step('resuming the broker');
    await resumeFaultBroker();
    paused = false;
    p.step('broker back');
    const upAt = Date.now();
    const downMs = upAt - downAt;

    const ingested = await ingest.done;
    p.step(`export ingestion exited ${ingested.code}`);
    expect(ingested.code, ingested.stderr).toBe(0);
    const produced = await producer.done;
    p.step(`live ingestion exited ${produced.code}`);
    expect(produced.code, produced.stderr).toBe(0);
    const { longestSendMs } = JSON.parse(produced.stdout) as { longestSendMs: number };
    const all = [...live.map((g) => g.key), ...exportKeys];
    await waitFor(
      async () => {
        for (const w of workers) await expectRunning(w);
        return storeCounts(p.dbPath).rows >= all.length && (await p.lag()) === 0;
      },
      120_000,
      'the workers to catch up after the broker came back',
    );
    const recoveredMs = Date.now() - upAt;
    p.step('all labelled');
    let readyUp = await get(port, '/readyz');
    await waitFor(
      async () => (readyUp = await get(port, '/readyz'))?.status === 200,
      30_000,
      'worker a to be ready again',
    ).catch(() => undefined);
    const stops = [];
    for (const w of workers) stops.push(await stopGracefully(w));
    for (const stop of stops) expect(stop.code).toBe(0);
    const heldLines = stops.flatMap((stop) =>
      stop.stderr.split('\n').filter((l) => l.includes('handles still open after shutdown')),
    );
    const held = heldLines.length;
    for (const line of heldLines)
      p.step(`exit guard: ${JSON.stringify((JSON.parse(line) as { resources: unknown }).resources)}`);
    p.step('workers stopped');

    const figures = await measure(
      p,
      all,
      poison.map((r) => r.value),
    );
    summary.add('broker down 30 s', figures, [
      `broker unreachable ${(downMs / 1000).toFixed(1)} s (30 s stopped + restart) with ${storedAtStop} stored; all caught up ` +
        `${(recoveredMs / 1000).toFixed(1)} s after it came back; no process restarted`,
      `live ingestion's longest send ${(longestSendMs / 1000).toFixed(1)} s, then it went on; export ingestion started during the outage exited 0`,
      `/readyz ${readyDown?.status ?? 'no answer'} while down, ${readyUp?.status ?? 'no answer'} after`,
      `SIGTERM: workers exited 0 in ${stops.map((x) => `${(x.exitMs / 1000).toFixed(1)} s`).join(' and ')}` +
        (held > 0 ? ` (${held} after the exit guard: a client timer was still open)` : ''),
    ]);
    // Live ingestion was in the middle of a send when the broker went away and waited it out.
    expect(longestSendMs).toBeGreaterThan(10_000);
    expect(readyDown?.status, readyDown?.body).toBe(503);
    expect(JSON.parse(readyDown!.body).checks.broker.ok).toBe(false);
    expect(readyUp?.status, readyUp?.body).toBe(200);
    expect(figures).toMatchObject({ lost: 0, duplicated: 0, unexpected: 0, wrongDeadLetters: 0 });
    expect(figures.labelled).toBe(all.length);
    expect(figures.deadLettered).toBe(poison.length);
  } finally {
    if (paused) await resumeFaultBroker();
    await p.close();
  }
}
