/**
 * The embedded bus: partitioned topics and consumer groups in memory, with Kafka's semantics where
 * the pipeline relies on them (key -> partition, per-partition order, offsets committed only after the
 * handler, handler output published atomically with the commit, redelivery of uncommitted records,
 * partitions shared among the members of a group). Used when no Kafka broker is configured.
 */
import {
  backoffDelayMs,
  describeError,
  isRetriable,
  silentLogger,
  sleep,
  type BatchHandler,
  type Bus,
  type BusConsumer,
  type ConsumedRecord,
  type ConsumerOptions,
  type Logger,
  type MessageSink,
  type OutgoingRecord,
  type PipelineMetrics,
} from '@tg-risk/core';
import { partitionForKey } from './partitioner.ts';

interface StoredRecord {
  key: string | null;
  value: Buffer;
  headers?: Record<string, string>;
}

interface GroupState {
  committed: Map<string, number>;
  members: InProcessConsumer[];
}

export interface InProcessBusOptions {
  logger?: Logger;
  /** Records handed to a handler at most at once. */
  maxBatch?: number;
  /** Counts records in (committed) and out (published), and batch retries. */
  metrics?: PipelineMetrics;
}

/** Creates the embedded in-process bus. */
export function createInProcessBus(options: InProcessBusOptions = {}): Bus {
  return new InProcessBus(options.logger ?? silentLogger(), options.maxBatch ?? 500, options.metrics);
}

class InProcessBus implements Bus {
  readonly topics = new Map<string, StoredRecord[][]>();
  readonly groups = new Map<string, GroupState>();
  private roundRobin = 0;
  private waiters: Array<() => void> = [];

  constructor(
    readonly logger: Logger,
    readonly maxBatch: number,
    readonly metrics: PipelineMetrics | undefined,
  ) {}

  async ensureTopics(topics: string[], partitions: number): Promise<void> {
    for (const topic of topics) {
      if (!this.topics.has(topic))
        this.topics.set(
          topic,
          Array.from({ length: partitions }, () => []),
        );
    }
    this.rebalanceAll();
  }

  async producer(): Promise<MessageSink> {
    return {
      send: async (records) => this.append(records),
      close: async () => {},
    };
  }

  async consumer(options: ConsumerOptions): Promise<BusConsumer> {
    return new InProcessConsumer(this, options);
  }

  async lag(groupId: string, topics: string[]): Promise<number> {
    const committed = this.groups.get(groupId)?.committed;
    let lag = 0;
    for (const topic of topics) {
      const partitions = this.topics.get(topic) ?? [];
      partitions.forEach((log, p) => {
        lag += log.length - (committed?.get(`${topic}/${p}`) ?? 0);
      });
    }
    return lag;
  }

  describe(): string {
    return 'in-process bus';
  }

  async close(): Promise<void> {
    for (const group of this.groups.values()) await Promise.all(group.members.map((m) => m.close()));
  }

  /** Appends records; unknown topics are an error, as with Kafka's auto.create.topics.enable=false. */
  append(records: readonly OutgoingRecord[]): void {
    for (const record of records) {
      const partitions = this.topics.get(record.topic);
      if (!partitions) throw new Error(`in-process bus: topic "${record.topic}" does not exist`);
      const p = partitionForKey(record.key, partitions.length, () => this.roundRobin++);
      partitions[p]!.push(
        record.headers
          ? { key: record.key, value: record.value, headers: record.headers }
          : { key: record.key, value: record.value },
      );
      this.metrics?.messagesOut.inc({ topic: record.topic });
    }
    this.wake();
  }

  group(groupId: string): GroupState {
    let group = this.groups.get(groupId);
    if (!group) {
      group = { committed: new Map(), members: [] };
      this.groups.set(groupId, group);
    }
    return group;
  }

  /** Round-robin assignment of every (topic, partition) over the group's members, like Kafka's. */
  assignment(groupId: string, member: InProcessConsumer): Array<{ topic: string; partition: number }> {
    const group = this.group(groupId);
    const index = group.members.indexOf(member);
    if (index < 0) return [];
    const all: Array<{ topic: string; partition: number }> = [];
    for (const topic of member.topics) {
      const partitions = this.topics.get(topic)?.length ?? 0;
      for (let p = 0; p < partitions; p++) all.push({ topic, partition: p });
    }
    return all.filter((_, i) => i % group.members.length === index);
  }

  rebalanceAll(): void {
    for (const group of this.groups.values()) for (const m of group.members) m.generation++;
    this.wake();
  }

  /** Resolves when something changes (new records, commits, membership) or after `ms`. */
  waitForChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

class InProcessConsumer implements BusConsumer {
  generation = 0;
  readonly topics: string[];
  private running: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly bus: InProcessBus,
    private readonly options: ConsumerOptions,
  ) {
    this.topics = options.topics;
  }

  async start(handler: BatchHandler): Promise<void> {
    if (this.running) throw new Error('in-process consumer: start() called twice');
    for (const topic of this.topics) {
      if (!this.bus.topics.has(topic)) throw new Error(`in-process bus: topic "${topic}" does not exist`);
    }
    this.bus.group(this.options.groupId).members.push(this);
    this.bus.rebalanceAll();
    this.running = this.loop(handler).catch((error: unknown) => {
      const err = error instanceof Error ? error : new Error(String(error));
      this.bus.logger.error({ err, groupId: this.options.groupId }, 'in-process consumer crashed');
      this.leave();
      this.options.onCrash?.(err);
    });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopped = true;
      this.bus.wake();
      await this.running;
      this.leave();
    })();
    return this.closing;
  }

  private leave(): void {
    const group = this.bus.group(this.options.groupId);
    const index = group.members.indexOf(this);
    if (index >= 0) {
      group.members.splice(index, 1);
      this.bus.rebalanceAll();
    }
  }

  private async loop(handler: BatchHandler): Promise<void> {
    const group = this.bus.group(this.options.groupId);
    while (!this.stopped) {
      let worked = false;
      for (const { topic, partition } of this.bus.assignment(this.options.groupId, this)) {
        if (this.stopped) break;
        const log = this.bus.topics.get(topic)![partition]!;
        const position = group.committed.get(`${topic}/${partition}`) ?? 0;
        if (position >= log.length) continue;
        const end = Math.min(log.length, position + this.bus.maxBatch);
        const records: ConsumedRecord[] = log.slice(position, end).map((r, i) => ({
          topic,
          partition,
          offset: String(position + i),
          key: r.key,
          value: r.value,
          ...(r.headers ? { headers: r.headers } : {}),
        }));
        const generation = this.generation;
        const output = await this.handleWithRetry(handler, { topic, partition, records });
        if (output === undefined) break;
        // A rebalance while the handler ran may have moved the partition: like Kafka, whoever owns
        // it now starts from the last commit, so this member's result is not committed.
        if (generation !== this.generation) continue;
        this.bus.append(output);
        group.committed.set(`${topic}/${partition}`, end);
        this.bus.metrics?.messagesIn.inc({ topic }, records.length);
        this.bus.wake();
        worked = true;
      }
      if (!worked && !this.stopped) await this.bus.waitForChange(200);
    }
  }

  /** Runs the handler, retrying retriable failures with backoff; undefined when closed meanwhile. */
  private async handleWithRetry(
    handler: BatchHandler,
    batch: Parameters<BatchHandler>[0],
  ): Promise<OutgoingRecord[] | undefined> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await handler(batch);
      } catch (error) {
        if (!isRetriable(error)) throw error;
        const delay = backoffDelayMs(attempt, 100, 5_000);
        const { code } = describeError(error);
        this.bus.metrics?.batchRetries.inc({ code });
        this.bus.logger.warn(
          { err: error, code, topic: batch.topic, partition: batch.partition, attempt, delayMs: delay },
          `${code.toLowerCase().replaceAll('_', ' ')}, offsets not committed, retrying in ${delay} ms`,
        );
        await sleep(delay);
        if (this.stopped) return undefined;
      }
    }
  }
}
