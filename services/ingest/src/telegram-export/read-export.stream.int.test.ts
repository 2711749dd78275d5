/**
 * STREAMING / MEMORY TEST (slow-ish, ~5 s): writes a ~50 MB synthetic single-chat export with
 * 200,000 messages to a temp dir and checks that every message is read while the heap grows by
 * far less than the file size, i.e. the reader never holds the file or the message list in memory.
 * The heap is sampled after a forced GC: without it the figure is dominated by garbage V8 has not
 * bothered to collect yet (inside vitest's worker it let ~55 MB pile up while ~2 MB was live).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTelegramExport } from './read-export.ts';

const MESSAGES = 200_000;
const SERVICE_EVERY = 1_000;
let dir = '';
let path = '';

function syntheticMessage(i: number): string {
  const id = i + 1;
  const unixtime = 1_682_949_802 + i * 60;
  if (i % SERVICE_EVERY === 0) {
    return JSON.stringify({
      id,
      type: 'service',
      date_unixtime: String(unixtime),
      action: 'pin_message',
      text: '',
    });
  }
  return JSON.stringify({
    id,
    type: 'message',
    date: '2023-05-01T16:03:22',
    date_unixtime: String(unixtime),
    from: 'Synthetic',
    from_id: 'channel1234567890',
    text: [
      `Offer #${id}: cheap goods, `,
      { type: 'bold', text: 'write now' },
      ' to ',
      { type: 'mention', text: '@seller' },
    ],
  });
}

async function writeSyntheticExport(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('{"name":"Synthetic","type":"public_channel","id":1234567890,"messages":[\n');
  for (let i = 0; i < MESSAGES; i += 1) {
    // Respect backpressure so the test itself never holds the file in memory either.
    if (!out.write(`${i === 0 ? '' : ',\n'}${syntheticMessage(i)}`)) await once(out, 'drain');
  }
  out.end(']}\n');
  await once(out, 'finish');
}

function exposeGc(): () => void {
  // Turning the flag on at run time and fetching `gc` from a fresh context is the documented way
  // to get it without restarting node with --expose-gc.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function liveHeap(gc: () => void): number {
  gc();
  return process.memoryUsage().heapUsed;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tg-export-stream-'));
  path = join(dir, 'result.json');
  await writeSyntheticExport(path);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readTelegramExport streaming (large file)', () => {
  it('reads 200k messages (~50 MB) with heap growth well below the file size', async () => {
    const size = (await stat(path)).size;
    expect(size).toBeGreaterThan(40 * 1024 * 1024);
    const gc = exposeGc();
    const baseline = liveHeap(gc);
    let peak = baseline;
    let records = 0;
    let lastId = 0;
    let ordered = true;
    const reader = readTelegramExport(path);
    for await (const event of reader) {
      if (event.kind !== 'message') throw new Error(`unexpected ${event.kind}: ${event.error.message}`);
      records += 1;
      ordered &&= event.record.message_id > lastId;
      lastId = event.record.message_id;
      if (records % 20_000 === 0) peak = Math.max(peak, liveHeap(gc));
    }
    const service = MESSAGES / SERVICE_EVERY;
    expect(records).toBe(MESSAGES - service);
    expect(ordered).toBe(true);
    expect(reader.summary.totals).toMatchObject({
      messages: MESSAGES - service,
      serviceSkipped: service,
      bad: 0,
    });
    const growth = peak - baseline;
    expect(growth).toBeLessThan(size / 2);
  }, 30_000);
});
