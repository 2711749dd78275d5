/**
 * The review queue stays fast on a million labelled messages: every filter combination a reviewer
 * can choose pages through its keyset in well under the 100 ms the benchmark issue targets (each is
 * one range scan of a partial index). TGRISK_SCALE_ROWS changes the size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageQueueQuery, ReviewStore } from '@tg-risk/core';
import { openSqliteReviewStore } from './open-sqlite-review-store.ts';
import { fillSqliteQueue } from './queue-scale.ts';

const ROWS = Number(process.env.TGRISK_SCALE_ROWS ?? 1_000_000);
/** Slowest page allowed; the measured ones take a few milliseconds on a laptop core. */
const BUDGET_MS = 100;
const PAGES = 20;

describe(`review queue on ${ROWS.toLocaleString('en')} messages (SQLite)`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-scale-'));
  let store: ReviewStore;
  beforeAll(async () => {
    const file = path.join(dir, 'scale.db');
    await openSqliteReviewStore({ path: file }).close();
    const db = new Database(file);
    fillSqliteQueue(db, ROWS);
    db.close();
    store = openSqliteReviewStore({ path: file });
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const shapes: Record<string, Partial<MessageQueueQuery>> = {
    'risk, all labels': { sort: 'risk' },
    'uncertainty, all labels': { sort: 'uncertainty' },
    'risk, fraud': { sort: 'risk', label: 'fraud' },
    'uncertainty, terrorism': { sort: 'uncertainty', label: 'terrorism' },
    language: { sort: 'risk', lang: 'vi' },
    channel: { sort: 'uncertainty', channelId: '1234' },
    'score range': { sort: 'risk', scoreMin: 0.4, scoreMax: 0.6 },
    'date range': { sort: 'risk', dateFrom: '2025-05-01T00:00:00Z', dateBefore: '2025-05-15T00:00:00Z' },
    'label, language and date': {
      sort: 'uncertainty',
      label: 'drugs',
      lang: 'ru',
      dateFrom: '2025-03-01T00:00:00Z',
    },
    confirmed: { sort: 'risk', decision: 'confirmed' },
    'any state': { sort: 'uncertainty', decision: 'any' },
  };

  it.each(Object.entries(shapes))('pages "%s" fast, each item once', async (_name, shape) => {
    const times: number[] = [];
    const seen = new Set<string>();
    let total = 0;
    let cursor: string | undefined;
    for (let i = 0; i < PAGES; i++) {
      const started = performance.now();
      const page = await store.messageQueue({
        decision: 'open',
        limit: 50,
        reviewerId: 0,
        now: '2025-06-01T00:00:00Z',
        sort: 'risk',
        ...shape,
        cursor,
      });
      times.push(performance.now() - started);
      page.items.forEach((item) => seen.add(`${item.channelId}/${item.messageId}`));
      total += page.items.length;
      cursor = page.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(total).toBeGreaterThan(0);
    expect(seen.size, 'an item appeared on two pages').toBe(total);
    expect(Math.max(...times), `page times ${times.map((t) => t.toFixed(1)).join(', ')} ms`).toBeLessThan(
      BUDGET_MS,
    );
  });

  it('pages the channel queue fast', async () => {
    const started = performance.now();
    const page = await store.channelQueue({
      sort: 'risk',
      decision: 'open',
      limit: 50,
      reviewerId: 0,
      now: 'x',
    });
    expect(page.items).toHaveLength(50);
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  });
});
