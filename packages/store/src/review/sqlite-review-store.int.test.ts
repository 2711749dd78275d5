import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../sqlite-store.ts';
import { openSqliteReviewStore } from './open-sqlite-review-store.ts';
import { describeReviewStoreContract } from './review-store-contract.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-review-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const nextFile = () => path.join(dir, `review-${++n}.db`);

describeReviewStoreContract('SQLite', async () => {
  const file = nextFile();
  return { labels: openSqliteStore({ path: file }), review: openSqliteReviewStore({ path: file }) };
});

describe('SQLite review store', () => {
  it('keeps the decision log append-only: UPDATE and DELETE are refused', async () => {
    const file = nextFile();
    const review = openSqliteReviewStore({ path: file });
    await review.close();
    const db = new Database(file);
    try {
      db.prepare(
        `INSERT INTO review_decisions (kind, channel_id, message_id, action, labels, model_labels, reviewer_id,
           reviewer, decided_at) VALUES ('message', '1', 1, 'confirm', '', '', 1, 'ana', 'x')`,
      ).run();
      expect(() => db.prepare("UPDATE review_decisions SET labels = 'fraud'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM review_decisions').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it("copies live ingestion's channel.v1 records into the channel profiles", async () => {
    const file = nextFile();
    const review = openSqliteReviewStore({ path: file });
    const db = new Database(file);
    const record = {
      schema: 'channel.v1',
      channel_id: '77',
      username: 'shop77',
      title: 'Shop',
      about: 'we sell',
      participants_count: 5400,
      kind: 'broadcast',
      verified: false,
      scam: true,
      fake: false,
      restricted: false,
      restriction_reasons: [],
      linked_chat_id: null,
      discussion_of: null,
      observed_at: '2025-01-01T00:00:00Z',
    };
    try {
      db.prepare('INSERT INTO channels (channel_id, username, title) VALUES (?, ?, ?)').run(
        '77',
        'shop77',
        'Shop',
      );
      db.prepare(
        'INSERT INTO ingest_channel_records (channel_id, record_json, updated_at) VALUES (?, ?, ?)',
      ).run('77', JSON.stringify(record), '2025-01-01T00:00:00Z');
      expect((await review.getChannel('77'))?.profile).toMatchObject({
        about: 'we sell',
        participants: 5400,
        scam: true,
        fake: false,
        verified: false,
        restricted: false,
      });
      db.prepare('UPDATE ingest_channel_records SET record_json = ? WHERE channel_id = ?').run(
        JSON.stringify({ ...record, scam: false, participants_count: 6000 }),
        '77',
      );
      expect((await review.getChannel('77'))?.profile).toMatchObject({ participants: 6000, scam: false });
    } finally {
      db.close();
      await review.close();
    }
  });
});
