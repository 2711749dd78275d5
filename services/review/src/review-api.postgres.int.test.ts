import { afterAll, inject } from 'vitest';
import { dropTestSchemas, openPostgresReviewStore, openPostgresStore, testSchema } from '@tg-risk/store';
import { describeReviewApi } from './testing/review-api-suite.ts';

// The same suite as review-api.sqlite.int.test.ts, on a real PostgreSQL server: a schema per test.
const url = inject('databaseUrl');
afterAll(dropTestSchemas);

describeReviewApi('PostgreSQL', async () => {
  const schema = testSchema(url, 'api');
  return {
    labels: await openPostgresStore({ url, schema }),
    review: await openPostgresReviewStore({ url, schema }),
  };
});
