import { afterAll, describe, expect, inject, it } from 'vitest';
import { sampleLabel, sampleMessage, TransientError } from '@tg-risk/core';
import { describeReviewStoreContract, labelledMessage } from '../review/review-store-contract.ts';
import { describeStoreContract } from '../testing/store-contract.ts';
import { openPostgresReviewStore, openPostgresStore } from './open-postgres-store.ts';
import { dropTestSchemas, queryInSchema, testSchema } from './testing/test-schemas.ts';

const url = inject('databaseUrl');
afterAll(dropTestSchemas);

describeStoreContract('PostgreSQL', () => openPostgresStore({ url, schema: testSchema(url) }));

describeReviewStoreContract('PostgreSQL', async () => {
  const schema = testSchema(url);
  const labels = await openPostgresStore({ url, schema });
  return { labels, review: await openPostgresReviewStore({ url, schema }) };
});

describe('PostgreSQL store', () => {
  it('keeps the decision log append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const schema = testSchema(url);
    const labels = await openPostgresStore({ url, schema });
    const review = await openPostgresReviewStore({ url, schema });
    try {
      await labels.saveLabelled([labelledMessage('9', 1, { fraud: 0.9 })]);
      await review.projectPending(10, (p) =>
        p.map(({ message, label }) => ({
          channelId: message.channel_id,
          messageId: message.message_id,
          date: message.date,
          lang: 'en',
          labels: label.labels,
          scores: label.scores,
          maxScore: 0.9,
          riskAny: 0.9,
          uncertaintyAny: 1.4,
          uncertainty: { fraud: 1.4, drugs: null, terrorism: null },
          replyToMessageId: null,
        })),
      );
      const ana = await review.createReviewer({
        username: 'ana',
        roles: ['analyst'],
        passwordHash: null,
        createdAt: 'x',
      });
      await review.recordDecision({
        item: { kind: 'message', channelId: '9', messageId: 1 },
        action: 'confirm',
        labels: ['fraud'],
        note: null,
        reviewerId: ana.id,
        reviewer: 'ana',
        decidedAt: '2025-01-01T00:00:00Z',
        sampleId: null,
        now: '2025-01-01T00:00:00Z',
      });
      for (const sql of [
        "UPDATE review_decisions SET labels = ''",
        'DELETE FROM review_decisions',
        'TRUNCATE review_decisions',
      ]) {
        await expect(queryInSchema(url, schema, sql)).rejects.toThrow(/append-only/);
      }
      expect(
        (await queryInSchema(url, schema, 'SELECT count(*)::int AS n FROM review_decisions')).rows[0].n,
      ).toBe(1);
    } finally {
      await review.close();
      await labels.close();
    }
  });

  it('stores text with NUL characters (kept exactly in the message record)', async () => {
    const schema = testSchema(url);
    const labels = await openPostgresStore({ url, schema });
    const review = await openPostgresReviewStore({ url, schema });
    try {
      const m = sampleMessage({ text: 'a\u0000b' });
      await labels.saveLabelled([{ message: m, label: sampleLabel(m) }]);
      expect((await review.getMessage(m.channel_id, m.message_id))?.message.text).toBe('a\u0000b');
    } finally {
      await review.close();
      await labels.close();
    }
  });

  it('reports an unreachable server as a retriable STORE_UNAVAILABLE error without the password', async () => {
    const error = await openPostgresStore({ url: 'postgres://someone:s3cret@127.0.0.1:1/nothing' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).code).toBe('STORE_UNAVAILABLE');
    expect((error as Error).message).not.toContain('s3cret');
  });
});
