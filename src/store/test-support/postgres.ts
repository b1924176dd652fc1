/**
 * PostgreSQL for tests: the server comes from MODELGATE_TEST_PG_URL; each
 * test gets its own schema, dropped afterwards, so parallel files never meet.
 */
import { randomBytes } from 'node:crypto';

/** The test server's URL, or why PostgreSQL tests are skipped. */
export type PgProbe = { url: string; skip?: undefined } | { url?: undefined; skip: string };

/** Check MODELGATE_TEST_PG_URL and that the server answers. */
export async function probePostgres(env: NodeJS.ProcessEnv = process.env): Promise<PgProbe> {
  const url = env['MODELGATE_TEST_PG_URL'];
  if (!url) return { skip: 'MODELGATE_TEST_PG_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)' };
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { url };
  } catch (e) {
    return { skip: `PostgreSQL at MODELGATE_TEST_PG_URL is unreachable: ${(e as Error).message}` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other test uses. */
export function uniqueSchema(tag: string): string {
  return `mg_test_${tag}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Run one statement on a fresh connection (setup, inspection, cleanup), optionally inside `schema`. */
export async function pgQuery<T extends object = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
  schema?: string,
): Promise<T[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Drop a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  await pgQuery(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
