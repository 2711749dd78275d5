export { openSqliteReviewStore, type SqliteReviewStoreOptions } from './open-sqlite-review-store.ts';
export { sqlReviewStore } from './sql-review-store.ts';
export type { SqlClient, SqlRunner, SqlValue } from './sql-client.ts';
