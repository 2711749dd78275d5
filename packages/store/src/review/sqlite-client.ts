/**
 * SqlClient over one better-sqlite3 connection. better-sqlite3 is synchronous, but a transaction's
 * work is async (it awaits the runner), so transactions and plain statements are serialised through
 * one queue: another request's statement never lands inside someone else's open transaction.
 * Transactions are BEGIN IMMEDIATE, so they take the write lock up front and never deadlock on
 * upgrade with a writer in another process.
 */
import type Database from 'better-sqlite3';
import type { SqlClient, SqlRunner, SqlValue } from './sql-client.ts';

/** Wraps an open better-sqlite3 database; closing the client closes it. */
export function sqliteClient(db: Database.Database): SqlClient {
  return new SqliteClient(db);
}

class SqliteClient implements SqlClient {
  readonly dialect = 'sqlite' as const;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly direct: SqlRunner;
  private closed = false;

  constructor(private readonly db: Database.Database) {
    // Prepared once per distinct SQL text; queries built from filters come in a bounded variety.
    const cache = new Map<string, Database.Statement>();
    const statement = (sql: string) => {
      let prepared = cache.get(sql);
      if (!prepared) {
        if (cache.size >= 500) cache.clear();
        prepared = db.prepare(sql);
        cache.set(sql, prepared);
      }
      return prepared;
    };
    this.direct = {
      all: async <T>(sql: string, params: readonly SqlValue[] = []) => statement(sql).all(...params) as T[],
      get: async <T>(sql: string, params: readonly SqlValue[] = []) =>
        statement(sql).get(...params) as T | undefined,
      run: async (sql: string, params: readonly SqlValue[] = []) => ({
        changes: statement(sql).run(...params).changes,
      }),
    };
  }

  /** Runs `work` after everything queued before it. */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.serialised(() => this.direct.all<T>(sql, params));
  }

  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.serialised(() => this.direct.get<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.serialised(() => this.direct.run(sql, params));
  }

  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.serialised(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail;
    this.db.close();
  }
}
