import type Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './sqlite-schema.ts';

/**
 * Applies the missing migrations, each recorded in the `migrations` table, inside the write lock:
 * worker processes (and the label, ingest-state and review stores) opening one fresh file together
 * must not both apply the same migration.
 */
export function applySqliteMigrations(db: Database.Database): void {
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
