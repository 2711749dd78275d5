/** Live ingestion's state on SQLite: the public API of this folder. */
export { openSqliteIngestState, type SqliteIngestStateOptions } from './sqlite-ingest-state.ts';
