/**
 * One review app per test over a given pair of stores (SQLite or PostgreSQL), seeded with the
 * standard corpus and one reviewer per role, with a settable clock and signed-in cookies.
 */
import type { LightMyRequestResponse } from 'fastify';
import { silentLogger, type LabelStore, type ReviewStore } from '@tg-risk/core';
import { buildReviewApp, type ReviewApp } from '../app.ts';
import { reviewConfig } from '../config.ts';
import { addReviewer, seedCorpus, signIn, TEST_BANDS, TEST_SCRYPT_COST } from './review-fixtures.ts';

export interface StorePair {
  review: ReviewStore;
  labels: LabelStore;
}

export type OpenStores = () => Promise<StorePair>;

export interface Harness {
  app: ReviewApp;
  stores: StorePair;
  clock: { now: Date };
  /** Session cookies: analyst `ana`, second analyst `bob`, auditor `aud`, admin `adm`. */
  cookies: Record<'ana' | 'bob' | 'aud' | 'adm', string>;
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    as: string | null,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openHarness(open: OpenStores): Promise<Harness> {
  const stores = await open();
  await seedCorpus(stores.labels);
  const clock = { now: new Date('2025-06-01T12:00:00.000Z') };
  const app = await buildReviewApp(
    { store: stores.review, logger: silentLogger(), now: () => clock.now },
    reviewConfig(TEST_BANDS, { scryptCost: TEST_SCRYPT_COST, leaseSeconds: 600 }),
  );
  await app.projector.sync();
  await addReviewer(stores.review, 'ana', ['analyst']);
  await addReviewer(stores.review, 'bob', ['analyst']);
  await addReviewer(stores.review, 'aud', ['auditor']);
  await addReviewer(stores.review, 'adm', ['admin']);
  const cookies = {
    ana: await signIn(app.http, 'ana'),
    bob: await signIn(app.http, 'bob'),
    aud: await signIn(app.http, 'aud'),
    adm: await signIn(app.http, 'adm'),
  };
  return {
    app,
    stores,
    clock,
    cookies,
    call: (method, url, as, payload, headers = {}) =>
      app.http.inject({
        method,
        url,
        headers: { ...(as ? { cookie: as } : {}), ...headers },
        ...(payload === undefined
          ? {}
          : typeof payload === 'string'
            ? { payload }
            : { payload: payload as object }),
      }),
    async close() {
      await app.close();
      await stores.review.close();
      await stores.labels.close();
    },
  };
}

/** The parsed JSON body, failing with the status and body when it is not the expected status. */
export function json<T = Record<string, unknown>>(response: LightMyRequestResponse, status = 200): T {
  if (response.statusCode !== status) {
    throw new Error(`expected HTTP ${status}, got ${response.statusCode}: ${response.body.slice(0, 500)}`);
  }
  return JSON.parse(response.body) as T;
}
