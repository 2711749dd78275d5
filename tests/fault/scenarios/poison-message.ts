/**
 * A poison message: valid message.v1 whose text makes the classifier throw. The worker (the real
 * one, in this process, on the fault broker, so the classifier can be a wrapper that throws) must
 * dead-letter it with the error, and the messages behind it on the same partition must still be
 * labelled: one bad input never blocks a partition.
 */
import { expect } from 'vitest';
import { createKafkaBus } from '@tg-risk/bus';
import { buildClassifierWorker } from '@tg-risk/classifier';
import { sampleMessage, silentLogger, type Classifier } from '@tg-risk/core';
import { createDefaultClassifier } from '@tg-risk/models';
import { assertValid } from '@tg-risk/schemas';
import { openSqliteStore } from '@tg-risk/store';
import { storeCounts } from '../../pipeline-fixtures.ts';
import { FAULT_BROKERS } from '../fault-broker.ts';
import { FaultPipeline, waitFor } from '../fault-pipeline.ts';
import { numberedMessages, poisonRecords } from '../fault-records.ts';
import type { FaultSummary } from '../fault-summary.ts';
import { measure, readCommitted } from '../fault-verdict.ts';

const PILL = 'POISON-PILL';

/** The default model, except that it throws on any chunk holding a text with the pill. */
function throwingOnPill(model: Classifier): Classifier {
  return {
    model: model.model,
    classify: async (texts) => {
      if (texts.some((t) => t.includes(PILL))) throw new RangeError(`tensor shape mismatch near "${PILL}"`);
      return model.classify(texts);
    },
    close: () => model.close(),
  };
}

export async function poisonMessageDeadLettered(summary: FaultSummary): Promise<void> {
  const p = new FaultPipeline('poison');
  const model = await createDefaultClassifier();
  const store = openSqliteStore({ path: p.dbPath });
  const bus = createKafkaBus({ brokers: FAULT_BROKERS, clientId: `fault-poison-${p.id}` });
  const worker = buildClassifierWorker(
    { bus, store, classifier: throwingOnPill(model), logger: silentLogger() },
    { topics: { ...p.topics, partitions: 4 }, groupId: p.env.TGRISK_GROUP_ID!, batchSize: 32 },
  );
  try {
    await p.createTopics();
    // One channel, so the pills and everything after them share a partition.
    const good = numberedMessages(p.topics.messages, 0, 1200, 1);
    const pills = [100, 500, 900].map((n, i) => ({
      topic: p.topics.messages,
      key: '6000000000',
      value: Buffer.from(
        JSON.stringify(
          sampleMessage({ channel_id: '6000000000', message_id: 900_000 + i, text: `${PILL} ${n}` }),
        ),
      ),
    }));
    const malformed = poisonRecords(p.topics.messages);
    const stream = good.map((g) => g.record);
    pills.forEach((pill, i) => stream.splice([100, 500, 900][i]!, 0, pill));
    stream.splice(700, 0, ...malformed);
    await worker.start();
    await p.send(stream);
    await waitFor(
      async () => storeCounts(p.dbPath).rows >= good.length && (await p.lag()) === 0,
      60_000,
      'the worker to get past the poison',
    );
    const bad = [...pills, ...malformed].map((r) => r.value);
    const figures = await measure(
      p,
      good.map((g) => g.key),
      bad,
    );
    const classifyFailures = (await readCommitted(p.topics.deadLetters, bad.length))
      .map(({ value }) => assertValid('dead-letter.v1', JSON.parse(value.toString())))
      .filter((d) => d.stage === 'classify');
    summary.add('poison message', figures, [
      `${classifyFailures.length} classifier throws dead-lettered with their error; partition not blocked`,
    ]);
    expect(figures).toMatchObject({
      lost: 0,
      duplicated: 0,
      unexpected: 0,
      wrongDeadLetters: 0,
      topicRepeats: 0,
    });
    expect(figures.labelled).toBe(good.length);
    expect(figures.deadLettered).toBe(bad.length);
    expect(classifyFailures).toHaveLength(pills.length);
    for (const d of classifyFailures) {
      expect(d.error).toMatchObject({
        code: 'RANGE_ERROR',
        message: expect.stringContaining('tensor shape'),
      });
    }
  } finally {
    await worker.close();
    await bus.close();
    await model.close();
    await store.close();
    await p.close();
  }
}
