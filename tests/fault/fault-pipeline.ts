/**
 * One fault scenario's pipeline on the fault broker: its own topics, group and store file, worker
 * processes (`tgrisk worker`) started and killed at will, a producer in the test process, and
 * probes of the group's committed offsets. Everything is cleaned up by `close()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { createKafkaBus } from '@tg-risk/bus';
import type { Bus, MessageSink, OutgoingRecord } from '@tg-risk/core';
import { collect, REPO_ROOT, spawnTgrisk, tempDir, uniqueId, type CliResult } from '../helpers.ts';
import { FAULT_BROKERS } from './fault-broker.ts';

/** Topics of one scenario. */
export interface ScenarioTopics {
  messages: string;
  labels: string;
  deadLetters: string;
}

export interface WorkerProcess {
  child: ChildProcess;
  done: Promise<CliResult>;
  /** Milliseconds since the process was spawned. */
  age(): number;
  running(): boolean;
}

/** Session timeout of the scenario workers: Kafka's minimum, so a killed member's partitions move on fast. */
export const WORKER_SESSION_TIMEOUT_MS = 6000;

export class FaultPipeline {
  readonly id = uniqueId();
  readonly topics: ScenarioTopics;
  readonly env: Record<string, string>;
  readonly dir: string;
  readonly bus: Bus;
  readonly workers: WorkerProcess[] = [];
  private readonly cleanups: Array<() => Promise<void> | void> = [];
  private adminClient: Admin | undefined;
  private readonly startedAt = Date.now();

  constructor(name: string, extraEnv: Record<string, string> = {}) {
    const tmp = tempDir(`tgrisk-fault-${name}-`);
    this.dir = tmp.dir;
    this.cleanups.push(tmp.cleanup);
    const prefix = `fault-${name}-${this.id}`;
    this.topics = {
      messages: `${prefix}.messages.v1`,
      labels: `${prefix}.labels.v1`,
      deadLetters: `${prefix}.dead-letter.v1`,
    };
    this.env = {
      KAFKA_BROKERS: FAULT_BROKERS.join(','),
      TGRISK_TOPIC_PREFIX: prefix,
      TGRISK_GROUP_ID: `fault-workers-${this.id}`,
      TGRISK_DB: path.join(this.dir, 'store.db'),
      TGRISK_PARTITIONS: '4',
      TGRISK_METRICS_PORT: 'off',
      TGRISK_KAFKA_SESSION_TIMEOUT_MS: String(WORKER_SESSION_TIMEOUT_MS),
      // Vitest sets NODE_ENV=test, which makes kafkajs retry for seconds instead of about a minute
      // (its test defaults): the processes under test must behave as they do in production.
      NODE_ENV: 'production',
      ...extraEnv,
    };
    this.bus = createKafkaBus({ brokers: FAULT_BROKERS, clientId: `fault-test-${this.id}` });
    this.cleanups.push(() => this.bus.close());
  }

  /** Logs a step of the scenario with its time, so a failed or hung run shows how far it got. */
  step(what: string): void {
    console.error(
      `[fault ${this.topics.messages.split('.')[0]} +${((Date.now() - this.startedAt) / 1000).toFixed(1)} s] ${what}`,
    );
  }

  get dbPath(): string {
    return this.env.TGRISK_DB!;
  }

  /** Creates the scenario's topics (4 partitions each). */
  async createTopics(): Promise<void> {
    await this.bus.ensureTopics(Object.values(this.topics), 4);
  }

  /** A producer in the test process, standing in for ingestion (the same bus code). */
  async producer(): Promise<MessageSink> {
    const sink = await this.bus.producer();
    this.cleanups.push(() => sink.close());
    return sink;
  }

  /** Sends `records` in chunks of `chunk`, pausing `pauseMs` between chunks. */
  async send(records: readonly OutgoingRecord[], chunk = 200, pauseMs = 0): Promise<void> {
    const sink = await this.producer();
    for (let i = 0; i < records.length; i += chunk) {
      await sink.send(records.slice(i, i + chunk));
      if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    }
    await sink.close();
  }

  /** Spawns `tgrisk worker` with the scenario's env (plus `extra`). */
  startWorker(extra: Record<string, string> = {}): WorkerProcess {
    const started = Date.now();
    const child = spawnTgrisk(['worker'], { ...this.env, ...extra });
    const done = collect(child);
    const worker: WorkerProcess = {
      child,
      done,
      age: () => Date.now() - started,
      running: () => child.exitCode === null && child.signalCode === null,
    };
    this.workers.push(worker);
    return worker;
  }

  /** Spawns any `tgrisk` command with the scenario's env. */
  spawn(args: string[], extra: Record<string, string> = {}): WorkerProcess {
    const started = Date.now();
    const child = spawnTgrisk(args, { ...this.env, ...extra });
    const done = collect(child);
    const proc: WorkerProcess = {
      child,
      done,
      age: () => Date.now() - started,
      running: () => child.exitCode === null && child.signalCode === null,
    };
    this.workers.push(proc);
    return proc;
  }

  /** Runs a TypeScript file of the suite as its own process, with the scenario's env. */
  spawnScript(script: string, args: string[]): WorkerProcess {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const done = collect(child);
    const proc: WorkerProcess = {
      child,
      done,
      age: () => Date.now() - started,
      running: () => child.exitCode === null && child.signalCode === null,
    };
    this.workers.push(proc);
    return proc;
  }

  /** Messages on the messages topic not yet committed by the group. */
  lag(): Promise<number> {
    return this.bus.lag(this.env.TGRISK_GROUP_ID!, [this.topics.messages]);
  }

  async admin(): Promise<Admin> {
    if (!this.adminClient) {
      const kafka = new Kafka({
        clientId: `fault-admin-${this.id}`,
        brokers: FAULT_BROKERS,
        logLevel: logLevel.NOTHING,
      });
      this.adminClient = kafka.admin();
      await this.adminClient.connect();
      const admin = this.adminClient;
      this.cleanups.push(() => admin.disconnect());
    }
    return this.adminClient;
  }

  /** The group's committed offset (next record to read) per messages-topic partition; -1 when none. */
  async committedOffsets(): Promise<Map<number, bigint>> {
    const admin = await this.admin();
    const [topic] = await admin.fetchOffsets({
      groupId: this.env.TGRISK_GROUP_ID!,
      topics: [this.topics.messages],
    });
    return new Map((topic?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
  }

  /** Members of the consumer group and its state (Empty once every member has left). */
  async groupState(): Promise<{ state: string; members: number }> {
    const admin = await this.admin();
    const { groups } = await admin.describeGroups([this.env.TGRISK_GROUP_ID!]);
    return { state: groups[0]?.state ?? 'Dead', members: groups[0]?.members.length ?? 0 };
  }

  /** SIGKILLs every process still running, then removes topics' test state and files. */
  async close(): Promise<void> {
    for (const w of this.workers) {
      if (w.running()) w.child.kill('SIGKILL');
      await w.done;
    }
    for (const c of this.cleanups.splice(0).reverse()) {
      try {
        await c();
      } catch {
        // Best effort: a broker paused by a failed scenario must not hide that scenario's error.
      }
    }
  }
}

/** Fails with the process's own output when it has exited, so a crash is not a mystery. */
export async function expectRunning(worker: WorkerProcess, what = 'worker'): Promise<void> {
  if (!worker.running()) {
    const result = await worker.done;
    throw new Error(
      `${what} exited early (code ${result.code}, signal ${result.signal}); stderr:\n${result.stderr}`,
    );
  }
}

/** SIGTERMs `proc` and waits for it to exit; fails with its log tail if it takes over `boundMs`. */
export async function stopGracefully(
  proc: WorkerProcess,
  boundMs = 20_000,
): Promise<CliResult & { exitMs: number }> {
  const signalled = Date.now();
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), boundMs);
  const result = await proc.done;
  clearTimeout(timer);
  const exitMs = Date.now() - signalled;
  if (result.signal === 'SIGKILL') {
    const tail = result.stderr.split('\n').slice(-40).join('\n');
    throw new Error(`process did not exit within ${boundMs} ms of SIGTERM; last log lines:\n${tail}`);
  }
  return { ...result, exitMs };
}

/** Polls `probe` every 100 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function waitFor(
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await probe()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
