// The store: runs, results and the response cache (later the gateway's keys, budgets and ledger),
// in embedded SQLite or a shared PostgreSQL, behind one interface and one migration scheme.

// Opening
export { openStore } from './open-store.js';
export { parseStoreUrl, redactUrl, DEFAULT_DB_FILE } from './url.js';
export type { StoreTarget } from './url.js';

// Contract
export type { Store, OpenStoreOptions, ResultQuery, CachedResponse, RunSummaryRecord } from './types.js';

// Schema
export { MIGRATIONS } from './migrations.js';
export type { Migration } from './migrations.js';

// Implementations, for code that needs a dialect's connection (maintenance, tests, later store modules)
export { SqliteStore } from './sqlite/sqlite-store.js';
export { PostgresStore } from './postgres/pg-store.js';

// Batched insert builders, for other tables that take rows in bulk (the gateway's ledger)
export { multiRowInsertSql, unnestInsertSql, toColumns } from './bulk-insert.js';
