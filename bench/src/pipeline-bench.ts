/**
 * The pipeline on the real broker: a backlog of messages on a 4-partition topic drained by one and
 * by two `tgrisk worker` processes into SQLite (throughput and scale-out), end-to-end latency at a
 * steady offered rate, and the ceiling: the same consume -> transactional produce path with no
 * classification and no store.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kafka, logLevel } from 'kafkajs';
import { createKafkaBus } from '@tg-risk/bus';
import { sampleMessage, sleep } from '@tg-risk/core';
import { percentile } from './stats.ts';

export interface PipelineOptions {
  repoRoot: string;
  brokers: string[];
  texts: readonly string[];
}

const CHANNELS = 500;

function messageRecords(texts: readonly string[], count: number, topic: string, offset = 0) {
  return Array.from({ length: count }, (_, j) => {
    const i = j + offset;
    const channel = String(7_000_000_000 + (i % CHANNELS));
    const message = sampleMessage({
      channel_id: channel,
      message_id: Math.floor(i / CHANNELS) + 1,
      text: texts[i % texts.length]!,
    });
    return { topic, key: channel, value: Buffer.from(JSON.stringify(message)) };
  });
}

async function produceBacklog(
  brokers: string[],
  topic: string,
  texts: readonly string[],
  count: number,
): Promise<void> {
  const bus = createKafkaBus({ brokers, clientId: 'bench-producer' });
  const producer = await bus.producer();
  for (let sent = 0; sent < count; sent += 2000) {
    await producer.send(messageRecords(texts, Math.min(2000, count - sent), topic, sent));
  }
  await producer.close();
  await bus.close();
}

function storeCount(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

function startWorkers(options: PipelineOptions, env: Record<string, string>, n: number): ChildProcess[] {
  return Array.from({ length: n }, (_, i) =>
    spawn(process.execPath, [path.join(options.repoRoot, 'cli/bin/tgrisk.mjs'), 'worker'], {
      cwd: options.repoRoot,
      env: { ...process.env, ...env, LOG_LEVEL: 'error', TGRISK_WORKER_ID: `bench-${i}` },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null) return resolve();
          w.once('exit', () => resolve());
          w.kill('SIGTERM');
        }),
    ),
  );
}

/** Drains a backlog of `count` messages with `workers` processes; returns messages per second. */
export async function drainBacklog(
  options: PipelineOptions,
  count: number,
  workers: number,
): Promise<number> {
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-bench-'));
  const db = path.join(dir, 'store.db');
  const env = {
    KAFKA_BROKERS: options.brokers.join(','),
    TGRISK_TOPIC_PREFIX: prefix,
    TGRISK_GROUP_ID: `${prefix}-workers`,
    TGRISK_DB: db,
    TGRISK_PARTITIONS: '4',
    TGRISK_BATCH_SIZE: '512',
  };
  const bus = createKafkaBus({ brokers: options.brokers, clientId: 'bench-admin' });
  await bus.ensureTopics([`${prefix}.messages.v1`, `${prefix}.labels.v1`, `${prefix}.dead-letter.v1`], 4);
  await bus.close();
  await produceBacklog(options.brokers, `${prefix}.messages.v1`, options.texts, count);
  const started = Date.now();
  const procs = startWorkers(options, env, workers);
  try {
    while (storeCount(db) < count) await sleep(200);
    return count / ((Date.now() - started) / 1000);
  } finally {
    await stopWorkers(procs);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same consume -> transactional publish path with no classifier and no store. */
export async function passThroughCeiling(options: PipelineOptions, count: number): Promise<number> {
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const input = `${prefix}.in`;
  const output = `${prefix}.out`;
  const bus = createKafkaBus({ brokers: options.brokers, clientId: 'bench-ceiling', maxBatch: 512 });
  await bus.ensureTopics([input, output], 4);
  await produceBacklog(options.brokers, input, options.texts, count);
  let done = 0;
  const started = Date.now();
  const consumer = await bus.consumer({ groupId: `${prefix}-g`, topics: [input], memberId: 'ceiling' });
  await consumer.start(async (batch) => {
    done += batch.records.length;
    return batch.records.map((r) => ({ topic: output, key: r.key, value: r.value }));
  });
  while ((await bus.lag(`${prefix}-g`, [input])) > 0) await sleep(200);
  const rate = count / ((Date.now() - started) / 1000);
  await consumer.close();
  await bus.close();
  return done >= count ? rate : NaN;
}

/** Ingest-to-label latency percentiles (ms) at a steady offered rate, measured at the client. */
export async function steadyLatency(
  options: PipelineOptions,
  ratePerSecond: number,
  seconds: number,
  workers: number,
) {
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-bench-'));
  const env = {
    KAFKA_BROKERS: options.brokers.join(','),
    TGRISK_TOPIC_PREFIX: prefix,
    TGRISK_GROUP_ID: `${prefix}-workers`,
    TGRISK_DB: path.join(dir, 'store.db'),
    TGRISK_PARTITIONS: '4',
    TGRISK_BATCH_SIZE: '512',
  };
  const bus = createKafkaBus({ brokers: options.brokers, clientId: 'bench-steady' });
  const topics = [`${prefix}.messages.v1`, `${prefix}.labels.v1`, `${prefix}.dead-letter.v1`];
  await bus.ensureTopics(topics, 4);
  const procs = startWorkers(options, env, workers);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const kafka = new Kafka({ clientId: 'bench-labels', brokers: options.brokers, logLevel: logLevel.NOTHING });
  const labels = kafka.consumer({ groupId: `${prefix}-reader`, maxWaitTimeInMs: 20 });
  await labels.connect();
  await labels.subscribe({ topic: topics[1]!, fromBeginning: true });
  await labels.run({
    eachMessage: async ({ message }) => {
      const label = JSON.parse(message.value!.toString()) as { channel_id: string; message_id: number };
      const at = sentAt.get(`${label.channel_id}/${label.message_id}`);
      if (at !== undefined) latencies.push(Date.now() - at);
    },
  });
  await sleep(3000); // workers joined and assigned before the clock starts
  const producer = await bus.producer();
  const total = ratePerSecond * seconds;
  const tickMs = 50;
  const perTick = Math.round((ratePerSecond * tickMs) / 1000);
  const started = Date.now();
  for (let sent = 0; sent < total; sent += perTick) {
    const records = messageRecords(options.texts, perTick, topics[0]!, sent);
    const now = Date.now();
    for (const r of records) {
      const m = JSON.parse(r.value.toString()) as { channel_id: string; message_id: number };
      sentAt.set(`${m.channel_id}/${m.message_id}`, now);
    }
    await producer.send(records);
    const next = started + ((sent + perTick) / ratePerSecond) * 1000;
    await sleep(Math.max(0, next - Date.now()));
  }
  const deadline = Date.now() + 60_000;
  while (latencies.length < total && Date.now() < deadline) await sleep(100);
  await producer.close();
  await labels.disconnect();
  await stopWorkers(procs);
  await bus.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    offered: ratePerSecond,
    received: latencies.length,
    sent: total,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}
