import { openSqliteStore } from './sqlite-store.ts';
import { describeStoreContract } from './testing/store-contract.ts';

// In memory: no I/O. File-backed behaviour is in sqlite-store.int.test.ts.
describeStoreContract('SQLite', async () => openSqliteStore({ path: ':memory:' }));
