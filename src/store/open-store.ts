/**
 * The store factory: one URL picks the dialect, and the database is opened
 * (and migrated) here, never when a module is imported.
 */
import { checkSchemaName, createPool } from './postgres/open-postgres.js';
import { PostgresStore } from './postgres/pg-store.js';
import { openSqliteDatabase } from './sqlite/open-sqlite.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { OpenStoreOptions, Store } from './types.js';
import { parseStoreUrl, redactUrl } from './url.js';

/**
 * Open the store named by `url` and apply pending migrations (unless
 * `options.migrate` is false). Without a URL it is the SQLite file
 * `modelgate.db` in the project's state folder (`./.modelgate` by default),
 * created with its folder when missing.
 *
 * @example
 * const store = await openStore(undefined, { stateDir: paths.stateDir });
 * const shared = await openStore('postgres://mg@db.internal/modelgate', { schema: 'evals' });
 */
export async function openStore(url?: string, options: OpenStoreOptions = {}): Promise<Store> {
  const target = parseStoreUrl(url, options.stateDir);
  const now = options.now ?? (() => new Date());
  let store: Store;
  if (target.dialect === 'sqlite') {
    const db = await openSqliteDatabase(target.path);
    store = new SqliteStore(db, target.path, now);
  } else {
    const schema = options.schema === undefined ? undefined : checkSchemaName(options.schema);
    const pool = await createPool(target.url, schema);
    store = new PostgresStore(pool, { schema, where: redactUrl(target.url), now });
  }
  if (options.migrate === false) return store;
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
