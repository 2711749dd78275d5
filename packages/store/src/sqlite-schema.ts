/**
 * The SQLite store's migrations, applied in this order. Each is named and recorded in the
 * `migrations` table once applied, so features can add their own tables in their own files without
 * renumbering anyone else's. Append new migrations at the end; never edit an applied one.
 */
import { LABELS_MIGRATION } from './migrations/001-labels.ts';
import { INGEST_STATE_MIGRATION } from './migrations/002-ingest-state.ts';
import { REVIEW_MIGRATION } from './migrations/003-review.ts';

export interface SqliteMigration {
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  LABELS_MIGRATION,
  INGEST_STATE_MIGRATION,
  REVIEW_MIGRATION,
];
