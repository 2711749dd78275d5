/**
 * The review store on the SQLite file the pipeline writes (the embedded default). It applies the
 * same named migrations as the label store, so either may open the file first.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ReviewStore } from '@tg-risk/core';
import { applySqliteMigrations } from '../sqlite-migrate.ts';
import { sqliteClient } from './sqlite-client.ts';
import { sqlReviewStore } from './sql-review-store.ts';

export interface SqliteReviewStoreOptions {
  /** File path (parent folders are created), or ':memory:' for tests. */
  path: string;
}

/** Opens (and migrates) the review store in a SQLite file. */
export function openSqliteReviewStore(options: SqliteReviewStoreOptions): ReviewStore {
  if (options.path !== ':memory:') mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  // The pipeline's workers write the same file; wait for their lock instead of failing at once.
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  // Decisions are an audit log: once recorded they must survive a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  applySqliteMigrations(db);
  const where = options.path === ':memory:' ? 'SQLite in memory' : `SQLite at ${path.resolve(options.path)}`;
  return sqlReviewStore(sqliteClient(db), where);
}
