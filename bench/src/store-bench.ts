/**
 * Review-queue paging over a large SQLite store: fills a fresh store with synthetic labelled
 * messages through the product's own write path, then times keyset-paginated queue pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { mulberry32, sampleLabel, sampleMessage } from '@tg-risk/core';
import { openSqliteStore } from '@tg-risk/store';
import { percentile } from './stats.ts';

/** The queue the review service pages through: flagged messages, highest fraud score first. */
export const QUEUE_QUERY =
  'SELECT channel_id, message_id, score_fraud FROM messages WHERE flag_fraud = 1 AND (score_fraud, channel_id, message_id) < (?, ?, ?) ORDER BY score_fraud DESC, channel_id DESC, message_id DESC LIMIT ?';

/** Fills `rows` messages and measures `pages` queue pages of `pageSize` from random starting points. */
export async function benchQueuePages(rows: number, pageSize: number, pages: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-bench-store-'));
  const file = path.join(dir, 'store.db');
  try {
    const store = openSqliteStore({ path: file });
    const random = mulberry32(42);
    const batch = 20_000;
    for (let done = 0; done < rows; done += batch) {
      const items = Array.from({ length: Math.min(batch, rows - done) }, (_, j) => {
        const i = done + j;
        const m = sampleMessage({
          channel_id: String(3_000_000_000 + (i % 10_000)),
          message_id: Math.floor(i / 10_000) + 1,
          text: `message ${i}`,
        });
        const flagged = random() < 0.2;
        const label = sampleLabel(m, flagged ? ['fraud'] : []);
        label.scores.fraud = Math.round(random() * 1e6) / 1e6;
        return { message: m, label };
      });
      await store.saveLabelled(items);
    }
    await store.close();
    // The index the queue needs; the review store creates its own, this keeps the bench self-contained.
    const writable = new Database(file);
    writable.exec(
      'CREATE INDEX IF NOT EXISTS bench_queue_fraud ON messages (flag_fraud, score_fraud DESC, channel_id DESC, message_id DESC)',
    );
    writable.close();
    const db = new Database(file, { readonly: true });
    const query = db.prepare(QUEUE_QUERY);
    const times: number[] = [];
    for (let i = 0; i < pages; i++) {
      const start = random();
      const t0 = process.hrtime.bigint();
      const page = query.all(start, '9999999999', 1e9, pageSize);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (page.length === 0 && start > 0.01) throw new Error('queue page came back empty');
    }
    db.close();
    return {
      rows,
      page_size: pageSize,
      p50_ms: percentile(times, 0.5),
      p99_ms: percentile(times, 0.99),
      query: QUEUE_QUERY,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
