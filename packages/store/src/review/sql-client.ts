/**
 * The small SQL surface the review store is written against, so one implementation of the review
 * queries serves SQLite and PostgreSQL. Statements use `?` placeholders (the PostgreSQL client
 * rewrites them to `$n`); values are strings, numbers or null (booleans are stored as 0/1).
 */
export type SqlValue = string | number | null;

/** Runs statements, inside or outside a transaction. */
export interface SqlRunner {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

export interface TransactionOptions {
  /** One consistent snapshot for every read of the transaction (PostgreSQL REPEATABLE READ). */
  snapshot?: boolean;
}

/** A database connection (or pool) of one dialect. */
export interface SqlClient extends SqlRunner {
  /** SQLite serialises writers (one lock per database); PostgreSQL needs row locks where it matters. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** `?, ?, ?` for `n` values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
