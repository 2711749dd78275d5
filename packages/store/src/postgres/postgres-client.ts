/**
 * SqlClient over a node-postgres pool. Statements keep the store's `?` placeholders and are
 * rewritten to `$1..$n` here; 64-bit integers (counts, ids) come back as numbers. Connection-level
 * failures become retriable STORE_UNAVAILABLE errors; the connection string is never logged or
 * put in an error (it may hold a password).
 */
import pg from 'pg';
import { TransientError, UsageError } from '@tg-risk/core';
import type { SqlClient, SqlRunner, SqlValue, TransactionOptions } from '../review/sql-client.ts';

export interface PostgresConnection {
  /** postgres://user[:password]@host:port/database */
  url: string;
  /** Schema holding the tables (created if missing); tests use one per test. Default `public`. */
  schema?: string;
  /** Pool size (default 10). */
  maxConnections?: number;
}

/** A schema name safe to interpolate: lower-case letters, digits and underscores. */
export function checkedSchema(schema: string | undefined): string {
  const name = schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new UsageError(`PostgreSQL schema "${name}" must match [a-z_][a-z0-9_]{0,62}`);
  }
  return name;
}

/** host:port/database of a connection string, without user or password. */
export function describePostgres(url: string, schema: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname} (schema ${schema})`;
  } catch {
    return `PostgreSQL (schema ${schema})`;
  }
}

/** `?` placeholders to PostgreSQL's numbered ones. The store's SQL never has `?` inside a literal. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// SQLSTATE classes that mean "the database is not reachable or gave up", not "your statement is wrong".
const TRANSIENT_SQLSTATE = /^(08|53|57P0[1-3]|40001|40P01)/;
const TRANSIENT_NODE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

function translate(error: unknown, where: string): unknown {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? '';
  if (
    TRANSIENT_SQLSTATE.test(code) ||
    TRANSIENT_NODE.has(code) ||
    /Connection terminated|timeout/i.test(message)
  ) {
    return new TransientError('STORE_UNAVAILABLE', `${where} not reachable: ${code || message}`, {
      cause: error,
    });
  }
  return error;
}

function runner(query: (sql: string, params: readonly SqlValue[]) => Promise<pg.QueryResult>): SqlRunner {
  return {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => ({
      changes: (await query(sql, params)).rowCount ?? 0,
    }),
  };
}

/** Opens a pool whose connections use `schema`; the pool connects lazily. */
export function postgresClient(
  connection: PostgresConnection,
): SqlClient & { pool: pg.Pool; schema: string } {
  const schema = checkedSchema(connection.schema);
  const where = describePostgres(connection.url, schema);
  const types = new pg.TypeOverrides();
  // int8 (count(*), sum(), BIGINT ids) as numbers: every value we store is far below 2^53.
  types.setTypeParser(20, (value: string) => Number(value));
  const pool = new pg.Pool({
    connectionString: connection.url,
    max: connection.maxConnections ?? 10,
    types,
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const query = (client: pg.Pool | pg.PoolClient) => async (sql: string, params: readonly SqlValue[]) => {
    try {
      return await client.query(numberPlaceholders(sql), params as SqlValue[]);
    } catch (error) {
      throw translate(error, where);
    }
  };
  const direct = runner(query(pool));
  let closing: Promise<void> | undefined;
  return {
    dialect: 'postgres',
    pool,
    schema,
    ...direct,
    async transaction<T>(work: (tx: SqlRunner) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translate(error, where);
      }
      let broken: Error | undefined;
      try {
        await query(client)(options.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN', []);
        const result = await work(runner(query(client)));
        await query(client)('COMMIT', []);
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      } finally {
        // A client whose rollback failed is discarded rather than handed to the next caller.
        client.release(broken);
      }
    },
    close(): Promise<void> {
      closing ??= pool.end();
      return closing;
    },
  };
}
