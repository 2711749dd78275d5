/**
 * Operability of a whole run: logs are JSON lines, a message's correlation id is logged where it is
 * ingested and where it is labelled (the same id), the worker's /metrics, /healthz and /readyz
 * answer, and no secret in the environment (Telegram session string, API hash, tokens) appears in
 * any log line or endpoint of the run, even at LOG_LEVEL=trace.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { collect, runTgrisk, spawnTgrisk, tempDir, uniqueId } from '../helpers.ts';
import { storeCounts } from '../pipeline-fixtures.ts';
import { freePort, get, metricValue } from '../fault/ops-probe.ts';
import { waitFor } from '../fault/fault-pipeline.ts';

/** Secrets as a deployment would have them in its environment (random, so nothing else matches). */
const SECRETS = {
  TG_API_ID: '1234567',
  TG_API_HASH: randomBytes(16).toString('hex'),
  TG_SESSION: `1BVtsOK4Bu${randomBytes(180).toString('base64url')}`,
  TG_BOT_TOKEN: `7712345678:AA${randomBytes(24).toString('base64url')}`,
  TGRISK_REVIEW_TOKEN: randomBytes(24).toString('hex'),
  PGPASSWORD: `pw-${randomBytes(12).toString('hex')}`,
};
const SECRET_VALUES = Object.entries(SECRETS)
  .filter(([name]) => name !== 'TG_API_ID')
  .map(([, v]) => v);

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function expectNoSecret(text: string, where: string): void {
  for (const secret of SECRET_VALUES) {
    // Also look for a recognisable piece, in case a secret was cut or wrapped.
    expect(text.includes(secret), `a secret appears in ${where}`).toBe(false);
    expect(text.includes(secret.slice(0, 16)), `part of a secret appears in ${where}`).toBe(false);
  }
}

function jsonLines(stderr: string): Array<Record<string, unknown>> {
  return stderr
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        throw new Error(`a log line is not JSON: ${l.slice(0, 200)}`);
      }
    });
}

describe('logs, correlation ids and secrets of a whole run', () => {
  it('runs the embedded pipeline at LOG_LEVEL=trace without a secret in its output', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const result = await runTgrisk(['run', '--json'], {
      env: { ...SECRETS, LOG_LEVEL: 'trace', TGRISK_DB: path.join(tmp.dir, 'store.db'), KAFKA_BROKERS: '' },
    });
    expect(result.code, result.stderr).toBe(0);
    expectNoSecret(result.stdout, 'stdout of tgrisk run');
    expectNoSecret(result.stderr, 'the logs of tgrisk run');
    const lines = jsonLines(result.stderr);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('follows each message by its correlation id from ingestion to label on Kafka, with ops endpoints up and no secret anywhere', async () => {
    const id = uniqueId();
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const port = await freePort();
    const env = {
      ...SECRETS,
      KAFKA_BROKERS: inject('kafkaBrokers'),
      TGRISK_TOPIC_PREFIX: `ops-${id}`,
      TGRISK_GROUP_ID: `ops-${id}`,
      TGRISK_DB: path.join(tmp.dir, 'store.db'),
      LOG_LEVEL: 'debug',
    };
    const worker = spawnTgrisk(['worker'], { ...env, TGRISK_METRICS_PORT: String(port) });
    const workerDone = collect(worker);
    cleanups.push(() => {
      if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    });
    await waitFor(async () => (await get(port, '/readyz'))?.status === 200, 60_000, 'the worker to be ready');
    const ingest = await runTgrisk(['run', '--no-worker'], { env: { ...env, LOG_LEVEL: 'trace' } });
    expect(ingest.code, ingest.stderr).toBe(0);

    const ingested = jsonLines(ingest.stderr).filter((l) => l.msg === 'ingested');
    expect(ingested.length).toBeGreaterThan(50);
    await waitFor(
      () => storeCounts(env.TGRISK_DB).rows >= ingested.length,
      60_000,
      'the worker to label the sample',
    );
    // Records count as in once their offsets are committed, just after the store write; the lag
    // gauge is read from the broker at scrape time (a scrape may see the one before).
    let metrics = (await get(port, '/metrics'))!;
    await waitFor(
      async () => {
        metrics = (await get(port, '/metrics'))!;
        return (
          metricValue(metrics.body, 'tgrisk_messages_in_total') === ingested.length &&
          metricValue(metrics.body, 'tgrisk_consumer_lag_messages') === 0
        );
      },
      30_000,
      'the worker to commit the last batch',
    );
    const healthz = (await get(port, '/healthz'))!;
    const readyz = (await get(port, '/readyz'))!;
    const missing = (await get(port, '/nope'))!;
    worker.kill('SIGTERM');
    const workerResult = await workerDone;
    expect(workerResult.code, workerResult.stderr).toBe(0);

    // The same id at ingestion and at label time, for every message.
    const labelled = new Map(
      jsonLines(workerResult.stderr)
        .filter((l) => l.msg === 'labelled')
        .map((l) => [`${l.channelId}/${l.messageId}`, l.correlationId]),
    );
    for (const line of ingested) {
      expect(line.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(labelled.get(`${line.channelId}/${line.messageId}`)).toBe(line.correlationId);
    }

    // Every series the issue lists is exported.
    expect(metrics.status).toBe(200);
    expect(metricValue(metrics.body, 'tgrisk_messages_in_total')).toBe(ingested.length);
    expect(metricValue(metrics.body, 'tgrisk_messages_out_total', { topic: `ops-${id}.labels.v1` })).toBe(
      ingested.length,
    );
    expect(metricValue(metrics.body, 'tgrisk_labels_total', { class: 'drugs' })).toBeGreaterThan(0);
    expect(metricValue(metrics.body, 'tgrisk_labels_total', { class: 'none' })).toBeGreaterThan(0);
    expect(metricValue(metrics.body, 'tgrisk_consumer_lag_messages')).toBe(0);
    expect(metricValue(metrics.body, 'tgrisk_store_available')).toBe(1);
    expect(metricValue(metrics.body, 'tgrisk_store_write_seconds_count')).toBeGreaterThan(0);
    expect(metricValue(metrics.body, 'tgrisk_model_inference_seconds_count')).toBeGreaterThan(0);
    for (const name of [
      'tgrisk_dead_letters_total',
      'tgrisk_flood_wait_seconds_total',
      'tgrisk_batch_retries_total',
    ]) {
      expect(metrics.body).toContain(`# TYPE ${name} counter`);
    }
    expect(healthz.status).toBe(200);
    expect(readyz.status).toBe(200);
    expect(Object.keys(JSON.parse(readyz.body).checks).sort()).toEqual([
      'broker',
      'consumer',
      'model',
      'store',
    ]);
    expect(missing.status).toBe(404);

    for (const [where, text] of [
      ['the ingest logs', ingest.stderr + ingest.stdout],
      ['the worker logs', workerResult.stderr + workerResult.stdout],
      ['/metrics', metrics.body],
      ['/readyz', readyz.body],
    ] as const) {
      expectNoSecret(text, where);
    }
  });
});
