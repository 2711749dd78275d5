export {
  openPostgresStore,
  openPostgresReviewStore,
  type PostgresStoreOptions,
} from './open-postgres-store.ts';
export { POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
export { testSchema, dropTestSchemas, queryInSchema } from './testing/test-schemas.ts';
