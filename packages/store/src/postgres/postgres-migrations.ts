/**
 * The PostgreSQL store's migrations, named like the SQLite ones (a name means the same tables in
 * both) and applied under an advisory lock, so processes starting together never apply one twice.
 */
import type pg from 'pg';
import { PG_LABELS_MIGRATION } from './migrations/001-labels.ts';
import { PG_REVIEW_MIGRATION } from './migrations/003-review.ts';

export interface PostgresMigration {
  name: string;
  sql: string;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [PG_LABELS_MIGRATION, PG_REVIEW_MIGRATION];

/** Creates `schema` if needed and applies the migrations it lacks. */
export async function migratePostgres(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Serialises migrators of this schema (and its creation) across processes.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tgrisk-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET LOCAL search_path = ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(
      (await client.query<{ name: string }>('SELECT name FROM migrations')).rows.map((r) => r.name),
    );
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.name)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO migrations (name, applied_at) VALUES ($1, $2)', [
        migration.name,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
