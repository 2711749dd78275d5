/**
 * Fault injection on a real broker of the suite's own (never the shared one): poison records,
 * workers SIGTERMed and SIGKILLed, the store refusing writes, rebalances, ingestion killed, the
 * broker down for 30 s. Each scenario proves that every message ends up in the store exactly once
 * and every poison record in the dead-letter topic; the closing summary prints the counts.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startFaultBroker, stopFaultBroker } from './fault-broker.ts';
import { FaultSummary } from './fault-summary.ts';
import { brokerDownThirtySeconds } from './scenarios/broker-down.ts';
import { ingestionKilledMidBackfill } from './scenarios/ingest-killed.ts';
import { liveIngestionKilledMidBackfill } from './scenarios/live-ingest-killed.ts';
import { poisonMessageDeadLettered } from './scenarios/poison-message.ts';
import { rebalanceDuringProcessing } from './scenarios/rebalance.ts';
import { storeUnwritable } from './scenarios/store-unwritable.ts';
import { workerSigkilledRepeatedly } from './scenarios/worker-sigkill.ts';
import { workerSigtermedMidStream } from './scenarios/worker-sigterm.ts';

const summary = new FaultSummary();

beforeAll(async () => {
  await startFaultBroker();
}, 150_000);

afterAll(async () => {
  summary.report();
  await stopFaultBroker();
}, 150_000);

describe('fault injection on the real broker', () => {
  it('dead-letters a message that makes the classifier throw without blocking its partition', () =>
    poisonMessageDeadLettered(summary));

  it('exits 0 on SIGTERM within the bound, leaving the group and committing only what is stored', () =>
    workerSigtermedMidStream(summary));

  it('stops committing while the store refuses writes, says so, and catches up', () =>
    storeUnwritable(summary));

  it('stores nothing twice across rebalances (a worker joins, leaves, joins and is killed)', () =>
    rebalanceDuringProcessing(summary));

  it('has no gap and no duplicate row when export ingestion is killed mid-backfill and re-run', () =>
    ingestionKilledMidBackfill(summary));

  it('resumes live ingestion from its checkpoint after a SIGKILL mid-backfill, without gap', () =>
    liveIngestionKilledMidBackfill(summary));

  it(
    'loses and duplicates nothing when a worker is SIGKILLed mid-batch 20 times',
    () => workerSigkilledRepeatedly(summary),
    300_000,
  );

  it(
    'recovers by itself from the broker being down for 30 s, labelling everything once',
    () => brokerDownThirtySeconds(summary),
    300_000,
  );
});
