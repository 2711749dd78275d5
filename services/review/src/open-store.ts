/** Chooses the review store: PostgreSQL when a database URL is given, else the SQLite file. */
import type { ReviewStore } from '@tg-risk/core';
import { openPostgresReviewStore, openSqliteReviewStore } from '@tg-risk/store';

export interface StoreChoice {
  /** SQLite file (the embedded default). */
  sqlitePath: string;
  /** postgres://... ; wins over sqlitePath when set. */
  databaseUrl?: string;
  /** PostgreSQL schema (default public). */
  schema?: string;
}

export async function openReviewStore(choice: StoreChoice): Promise<ReviewStore> {
  if (choice.databaseUrl) return openPostgresReviewStore({ url: choice.databaseUrl, schema: choice.schema });
  return openSqliteReviewStore({ path: choice.sqlitePath });
}

/** The store choice from the environment and command-line overrides. */
export function storeChoiceFromEnv(
  env: Record<string, string | undefined>,
  overrides: { db?: string; databaseUrl?: string } = {},
): StoreChoice {
  const databaseUrl = overrides.databaseUrl ?? (overrides.db ? undefined : env.TGRISK_DATABASE_URL);
  return {
    sqlitePath: overrides.db ?? env.TGRISK_DB ?? '.data/tgrisk.db',
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(env.TGRISK_DATABASE_SCHEMA ? { schema: env.TGRISK_DATABASE_SCHEMA } : {}),
  };
}
