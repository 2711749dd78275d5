/**
 * Counts what a scenario ended with, from the store and the output topics: labelled, duplicated,
 * lost, dead-lettered. The figures go into the suite's summary and into the scenario's assertions.
 */
import { Kafka, logLevel } from 'kafkajs';
import { assertValid } from '@tg-risk/schemas';
import { storeCounts, storeKeys } from '../pipeline-fixtures.ts';
import { FAULT_BROKERS } from './fault-broker.ts';
import type { FaultPipeline } from './fault-pipeline.ts';

export interface ScenarioFigures {
  /** Valid messages fed in (each must be labelled exactly once). */
  sent: number;
  /** Poison records fed in (each must be dead-lettered exactly once). */
  badSent: number;
  /** Distinct messages in the store. */
  labelled: number;
  /** Store rows beyond one per message (the store is what analysts count). */
  duplicated: number;
  /**
   * Committed records beyond one per message on the labels topic, and beyond one per poison record
   * on the dead-letter topic: a batch published again (after a broker outage or a rebalance).
   */
  topicRepeats: number;
  /** Messages sent that the store does not hold. */
  lost: number;
  /** Store rows of messages never sent (must be 0). */
  unexpected: number;
  /** Dead letters in the store. */
  deadLettered: number;
  /** Dead-letter topic records whose raw bytes are not one of the poison records sent. */
  wrongDeadLetters: number;
}

/** Reads every committed record of `topic` (read_committed): at least `expected`, then 1.5 s of quiet. */
export async function readCommitted(
  topic: string,
  expected: number,
): Promise<Array<{ value: Buffer; headers: Record<string, string> }>> {
  const kafka = new Kafka({ clientId: 'fault-reader', brokers: FAULT_BROKERS, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `fault-reader-${topic}-${Date.now()}`, readUncommitted: false });
  const out: Array<{ value: Buffer; headers: Record<string, string> }> = [];
  let last = Date.now();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {}))
          if (v !== undefined) headers[k] = String(v);
        out.push({ value: message.value ?? Buffer.alloc(0), headers });
        last = Date.now();
      },
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (out.length < expected || Date.now() - last < 1500)) {
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await consumer.disconnect();
  }
  return out;
}

/** Measures the end state of `pipeline` against the messages and poison records fed in. */
export async function measure(
  pipeline: FaultPipeline,
  sentKeys: readonly string[],
  poison: readonly Buffer[],
): Promise<ScenarioFigures> {
  const counts = storeCounts(pipeline.dbPath);
  const stored = new Set(storeKeys(pipeline.dbPath));
  const sent = new Set(sentKeys);
  const labels = await readCommitted(pipeline.topics.labels, sent.size);
  const labelKeys = labels.map(({ value }) => {
    const label = assertValid('label.v1', JSON.parse(value.toString()));
    return `${label.channel_id}/${label.message_id}`;
  });
  const dead = poison.length === 0 ? [] : await readCommitted(pipeline.topics.deadLetters, poison.length);
  const expectedRaw = new Set(poison.map((p) => p.toString('base64')));
  const deadRaws = dead.map(({ value }) => {
    const d = assertValid('dead-letter.v1', JSON.parse(value.toString()));
    return Buffer.from(d.raw, d.raw_encoding === 'base64' ? 'base64' : 'utf8').toString('base64');
  });
  return {
    sent: sent.size,
    badSent: poison.length,
    labelled: [...stored].filter((k) => sent.has(k)).length,
    duplicated: counts.rows - counts.distinct,
    topicRepeats: labelKeys.length - new Set(labelKeys).size + (deadRaws.length - new Set(deadRaws).size),
    lost: [...sent].filter((k) => !stored.has(k)).length,
    unexpected: [...stored].filter((k) => !sent.has(k)).length,
    deadLettered: counts.deadLetters,
    wrongDeadLetters:
      deadRaws.filter((raw) => !expectedRaw.has(raw)).length +
      [...expectedRaw].filter((raw) => !deadRaws.includes(raw)).length,
  };
}
