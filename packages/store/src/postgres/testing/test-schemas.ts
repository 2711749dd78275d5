/**
 * A PostgreSQL schema per test: stores opened on it see an empty database, and every schema made
 * here is dropped by dropTestSchemas() (call it in afterAll).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const created: Array<{ url: string; schema: string }> = [];

/** A fresh, unique schema name (created by the first store that opens it). */
export function testSchema(url: string, prefix = 't'): string {
  const schema = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  created.push({ url, schema });
  return schema;
}

/** Drops every schema handed out by testSchema(). */
export async function dropTestSchemas(): Promise<void> {
  const byUrl = new Map<string, string[]>();
  for (const { url, schema } of created.splice(0)) byUrl.set(url, [...(byUrl.get(url) ?? []), schema]);
  for (const [url, schemas] of byUrl) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  }
}

/** Runs one SQL statement in `schema` (tests that poke at the database directly). */
export async function queryInSchema(url: string, schema: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}
