/**
 * The review store on the SQLite file the pipeline writes (the embedded default). It applies the
 * same named migrations as the label store, so either may open the file first.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ReviewStore } from '@tg-risk/core';
import { SQLITE_MIGRATIONS } from '../sqlite-schema.ts';
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
  migrate(db);
  const where = options.path === ':memory:' ? 'SQLite in memory' : `SQLite at ${path.resolve(options.path)}`;
  return sqlReviewStore(sqliteClient(db), where);
}

/** Applies missing migrations in the write lock, recording each (as the label store does). */
function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set(
      (db.prepare('SELECT name FROM migrations').all() as Array<{ name: string }>).map((r) => r.name),
    );
    for (const migration of SQLITE_MIGRATIONS) {
      if (applied.has(migration.name)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)').run(
        migration.name,
        new Date().toISOString(),
      );
    }
  }).immediate();
}
