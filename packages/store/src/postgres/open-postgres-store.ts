/** Opens the PostgreSQL label store and review store (each with its own pool), migrating first. */
import type { LabelStore, ReviewStore } from '@tg-risk/core';
import { TransientError } from '@tg-risk/core';
import { sqlReviewStore } from '../review/sql-review-store.ts';
import { describePostgres, postgresClient, type PostgresConnection } from './postgres-client.ts';
import { migratePostgres } from './postgres-migrations.ts';
import { postgresLabelStore } from './postgres-label-store.ts';

export type PostgresStoreOptions = PostgresConnection;

async function openMigrated(options: PostgresStoreOptions) {
  const client = postgresClient(options);
  try {
    await migratePostgres(client.pool, client.schema);
  } catch (error) {
    await client.close().catch(() => undefined);
    const code = (error as { code?: string }).code ?? '';
    if (error instanceof Error && !/^[0-9A-Z]{5}$/.test(code)) {
      // Not an SQL error: the server is not there (refused, DNS, timeout). Name it without the URL.
      throw new TransientError(
        'STORE_UNAVAILABLE',
        `${describePostgres(options.url, client.schema)} not reachable: ${code || error.message}; ` +
          'check DATABASE_URL and that the server is running',
        { cause: error },
      );
    }
    throw error;
  }
  return client;
}

/** Opens the label store on PostgreSQL (the pipeline's writer side). */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<LabelStore> {
  const client = await openMigrated(options);
  return postgresLabelStore(client, describePostgres(options.url, client.schema));
}

/** Opens the review store on PostgreSQL. */
export async function openPostgresReviewStore(options: PostgresStoreOptions): Promise<ReviewStore> {
  const client = await openMigrated(options);
  return sqlReviewStore(client, describePostgres(options.url, client.schema));
}
