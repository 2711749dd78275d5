/**
 * The backbone on the real broker: an export through Kafka to two worker processes in one group;
 * a worker SIGKILLed mid-stream and replaced; every message labelled exactly once in the store, and
 * the dead-letter topic holding exactly the malformed records fed in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createKafkaBus } from '@tg-risk/bus';
import { assertValid } from '@tg-risk/schemas';
import { eventually } from '@tg-risk/bus/testing';
import { collect, REPO_ROOT, type CliResult, runTgrisk, spawnTgrisk, tempDir, uniqueId } from './helpers.ts';
import {
  MALFORMED_RECORDS,
  readTopic,
  storeCounts,
  storeKeys,
  syntheticMessages,
} from './pipeline-fixtures.ts';
import type { ChildProcess } from 'node:child_process';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';

const brokers = () => inject('kafkaBrokers').split(',');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function pipelineEnv(extra: Record<string, string> = {}) {
  const id = uniqueId();
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return {
    KAFKA_BROKERS: brokers().join(','),
    TGRISK_TOPIC_PREFIX: `test-${id}`,
    TGRISK_GROUP_ID: `test-workers-${id}`,
    TGRISK_DB: path.join(tmp.dir, 'store.db'),
    TGRISK_PARTITIONS: '4',
    ...extra,
  };
}

interface Worker {
  child: ChildProcess;
  done: Promise<CliResult>;
}

function startWorker(env: Record<string, string>): Worker {
  const child = spawnTgrisk(['worker'], env);
  const done = collect(child);
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await done;
  });
  return { child, done };
}

/** Fails with the worker's own output when it has exited, so a crash is not a mystery. */
async function expectRunning(worker: Worker): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) {
    const result = await worker.done;
    throw new Error(`worker exited early (code ${result.code}); stderr:\n${result.stderr}`);
  }
}

async function lag(env: Record<string, string>): Promise<number> {
  const bus = createKafkaBus({ brokers: brokers(), clientId: 'test-lag' });
  try {
    return await bus.lag(env.TGRISK_GROUP_ID!, [`${env.TGRISK_TOPIC_PREFIX}.messages.v1`]);
  } finally {
    await bus.close();
  }
}

/** Number of messages-topic partitions assigned to each member of the group. */
async function groupAssignments(groupId: string): Promise<number[]> {
  const kafka = new Kafka({ clientId: 'test-admin', brokers: brokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0]!.members.map((m) => {
      const assignment = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
      return Object.values(assignment?.assignment ?? {}).reduce((n, partitions) => n + partitions.length, 0);
    });
  } finally {
    await admin.disconnect();
  }
}

describe('pipeline on Kafka', () => {
  it('labels every message of an export exactly once with two workers in one group', async () => {
    const env = pipelineEnv();
    const workers = [
      startWorker({ ...env, TGRISK_WORKER_ID: 'a' }),
      startWorker({ ...env, TGRISK_WORKER_ID: 'b' }),
    ];
    const published = await runTgrisk(['run', '--no-worker'], { env });
    expect(published.stderr).not.toMatch(/"level":(50|60)/);
    expect(published.code).toBe(0);
    const expected = readFileSync(path.join(REPO_ROOT, 'samples/telegram-export/labels.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { channel_id: string; message_id: number })
      .map((l) => `${l.channel_id}/${l.message_id}`);
    await eventually(
      async () => storeCounts(env.TGRISK_DB).rows >= expected.length && (await lag(env)) === 0,
      90_000,
      'all labelled',
    );
    expect(storeKeys(env.TGRISK_DB).sort()).toEqual([...expected].sort());

    const labels = await readTopic(brokers(), `${env.TGRISK_TOPIC_PREFIX}.labels.v1`, expected.length);
    const labelKeys = labels.map((v) => {
      const label = assertValid('label.v1', JSON.parse(v.toString()));
      return `${label.channel_id}/${label.message_id}`;
    });
    expect(labelKeys.sort()).toEqual([...expected].sort());

    // Both processes are members of the one group and each owns some of the 4 partitions.
    for (const w of workers) await expectRunning(w);
    const assignments = await groupAssignments(env.TGRISK_GROUP_ID);
    expect(assignments).toHaveLength(2);
    expect(assignments.every((partitions) => partitions > 0)).toBe(true);
    expect(assignments.reduce((a, b) => a + b, 0)).toBe(4);

    for (const w of workers) w.child.kill('SIGTERM');
    for (const result of await Promise.all(workers.map((w) => w.done))) expect(result.code).toBe(0);
  });

  it('loses and duplicates nothing when a worker is SIGKILLed mid-stream; dead letters hold exactly the bad records', async () => {
    const env = pipelineEnv({ TGRISK_BATCH_SIZE: '10', TGRISK_WORKER_ID: 'crash-test' });
    const bus = createKafkaBus({ brokers: brokers(), clientId: 'test-producer' });
    cleanups.push(() => bus.close());
    const topics = ['messages', 'labels', 'dead-letter'].map((t) => `${env.TGRISK_TOPIC_PREFIX}.${t}.v1`);
    await bus.ensureTopics(topics, 4);
    const producer = await bus.producer();
    cleanups.push(() => producer.close());

    const good = syntheticMessages(4000, 23);
    const stream: Array<{ key: string | null; value: Buffer }> = good.map((g) => ({
      key: g.key,
      value: Buffer.from(g.value),
    }));
    MALFORMED_RECORDS.forEach((bad, i) =>
      stream.splice(300 + i * 500, 0, { key: `bad-${i}`, value: bad.value }),
    );

    const first = startWorker(env);
    let sent = 0;
    let killed = false;
    while (sent < stream.length) {
      const chunk = stream.slice(sent, sent + 100);
      await producer.send(chunk.map((r) => ({ topic: topics[0]!, ...r })));
      sent += chunk.length;
      if (!killed && storeCounts(env.TGRISK_DB).rows >= 400) {
        await expectRunning(first);
        first.child.kill('SIGKILL');
        killed = true;
      }
      await new Promise((r) => setTimeout(r, killed ? 5 : 40));
    }
    if (!killed) {
      await eventually(() => storeCounts(env.TGRISK_DB).rows > 0, 60_000, 'first worker to store something');
      await expectRunning(first);
      first.child.kill('SIGKILL');
    }
    const killedAt = storeCounts(env.TGRISK_DB).rows;
    expect(killedAt).toBeLessThan(good.length);

    startWorker(env);
    await eventually(
      async () => (await lag(env)) === 0 && storeCounts(env.TGRISK_DB).rows >= good.length,
      120_000,
      'replacement worker to catch up',
    );
    const counts = storeCounts(env.TGRISK_DB);
    expect(counts.rows).toBe(good.length);
    expect(counts.distinct).toBe(good.length);
    expect(counts.deadLetters).toBe(MALFORMED_RECORDS.length);

    const dead = (await readTopic(brokers(), topics[2]!, MALFORMED_RECORDS.length)).map((v) =>
      assertValid('dead-letter.v1', JSON.parse(v.toString())),
    );
    const raws = dead.map((d) =>
      Buffer.from(d.raw, d.raw_encoding === 'base64' ? 'base64' : 'utf8').toString('base64'),
    );
    expect(raws.sort()).toEqual(MALFORMED_RECORDS.map((m) => m.value.toString('base64')).sort());
  });
});
