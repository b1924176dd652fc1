/**
 * Connecting to PostgreSQL and migrating it. `pg` is loaded here, on first
 * use, so SQLite users never load it.
 */
import type { Pool, PoolClient } from 'pg';
import { UsageError } from '../../core/index.js';
import { pendingMigrations } from '../migrations.js';
import type { Migration } from '../migrations.js';

/** Schema names we accept: unquoted lower-case identifiers, so `search_path` and `CREATE SCHEMA` agree. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Check a schema name before it is spliced into SQL and connection options. */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new UsageError(`invalid PostgreSQL schema "${schema}": use lower-case letters, digits and "_" (at most 63)`);
  }
  return schema;
}

/** A connection pool whose sessions use `schema` (when given) as their `search_path`. */
export async function createPool(url: string, schema?: string): Promise<Pool> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    application_name: 'modelgate',
    // Fail instead of hanging forever when the server is unreachable (pg waits indefinitely by default).
    connectionTimeoutMillis: 10_000,
    ...(schema === undefined ? {} : { options: `-c search_path=${checkSchemaName(schema)}` }),
  });
  // An idle pooled connection that dies (server restart, network) emits 'error' on the pool; without a
  // listener Node would crash the process. The pool discards that client and the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Run `fn` inside BEGIN/COMMIT on one pooled client, rolling back on error. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      // The session is unusable; hand it back as broken so the pool closes it.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw e;
  } finally {
    client.release(broken);
  }
}

/**
 * Apply pending migrations in one transaction that first takes a
 * transaction-scoped advisory lock (one per schema). Concurrent migrators
 * queue on the lock; each then re-reads `schema_migrations`, so only the
 * first applies anything. DDL is transactional in PostgreSQL, so a failing
 * migration leaves no half-built schema.
 */
export async function migratePostgres(
  pool: Pool,
  schema: string | undefined,
  where: string,
  now: () => Date,
  all?: readonly Migration[],
): Promise<string[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`modelgate:migrate:${schema ?? ''}`]);
    if (schema !== undefined) await ensureSchema(client, schema);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const { rows } = await client.query<{ id: string }>('SELECT id FROM schema_migrations');
    const pending = pendingMigrations(
      rows.map((r) => r.id),
      where,
      all,
    );
    for (const m of pending) {
      await client.query(m.postgres);
      await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [m.id, now().toISOString()]);
    }
    return pending.map((m) => m.id);
  });
}

/**
 * Create the schema when missing. Existence is checked first because CREATE SCHEMA IF NOT EXISTS still
 * demands CREATE on the database, which a least-privileged role using a pre-made schema does not have.
 */
async function ensureSchema(client: PoolClient, schema: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (found.rowCount === 0) await client.query(`CREATE SCHEMA ${checkSchemaName(schema)}`);
}
