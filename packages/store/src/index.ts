export { openSqliteStore, type SqliteStoreOptions } from './sqlite-store.ts';
export { openSqliteIngestState, type SqliteIngestStateOptions } from './ingest-state/index.ts';
export * from './review/index.ts';
export * from './postgres/index.ts';
