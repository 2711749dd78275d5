import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteReviewStore, openSqliteStore } from '@tg-risk/store';
import { describeReviewApi } from './testing/review-api-suite.ts';

// The same suite as review-api.postgres.int.test.ts, on the embedded default: a SQLite file per test.
const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-review-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeReviewApi('SQLite', async () => {
  const file = path.join(dir, `api-${++n}.db`);
  return { labels: openSqliteStore({ path: file }), review: openSqliteReviewStore({ path: file }) };
});
