/**
 * A real review server for browser tests: a SQLite file seeded through the label store, reviewers of
 * each role, the queues synced, listening on a free loopback port.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { silentLogger, type LabelStore, type ReviewStore } from '@tg-risk/core';
import { buildReviewApp, reviewConfig, type ReviewApp } from '@tg-risk/review';
import { openSqliteReviewStore, openSqliteStore } from '@tg-risk/store';
import {
  addReviewer,
  labelled,
  standardCorpus,
  TEST_BANDS,
  TEST_PASSWORD,
  TEST_SCRYPT_COST,
  type CorpusMessage,
} from '../../services/review/src/testing/review-fixtures.ts';
import { REPO_ROOT } from '../helpers.ts';

export interface RunningReview {
  url: string;
  app: ReviewApp;
  review: ReviewStore;
  labels: LabelStore;
  close(): Promise<void>;
}

/** Starts the server over `corpus` (default: the standard corpus) with users ana, aud and adm. */
export async function startReviewServer(
  corpus: readonly CorpusMessage[] = standardCorpus(),
  titles: Record<string, string> = {},
): Promise<RunningReview> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgrisk-browser-'));
  const file = path.join(dir, 'review.db');
  const labels = openSqliteStore({ path: file });
  await labels.saveLabelled(corpus.map((m) => labelled(m, titles[m.channelId])));
  const review = openSqliteReviewStore({ path: file });
  const app = await buildReviewApp(
    { store: review, logger: silentLogger() },
    reviewConfig(TEST_BANDS, { scryptCost: TEST_SCRYPT_COST }),
  );
  await app.projector.sync();
  await addReviewer(review, 'ana', ['analyst']);
  await addReviewer(review, 'aud', ['auditor']);
  await addReviewer(review, 'adm', ['admin']);
  const url = await app.http.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    app,
    review,
    labels,
    async close() {
      await app.close();
      await review.close();
      await labels.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form and waits for the first page after it. */
export async function signInAs(
  page: Page,
  baseUrl: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#sign-in');
  await page.waitForSelector('#sign-out');
}

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'review-ui');

/** Saves a full-page screenshot as test-artifacts/review-ui/NAME.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
