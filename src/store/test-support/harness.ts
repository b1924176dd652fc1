/**
 * One harness per dialect, so the same behavioural tests run against SQLite
 * and PostgreSQL: each harness owns a fresh database (a temp file, or a
 * unique schema) and removes it afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../open-store.js';
import type { OpenStoreOptions, Store } from '../types.js';
import { dropSchema, pgQuery, probePostgres, uniqueSchema } from './postgres.js';

/** A fresh database of one dialect. */
export interface StoreHarness {
  dialect: 'sqlite' | 'postgres';
  /** Store URL (and schema) a child process can use to reach the same database. */
  url: string;
  schema?: string;
  /** Open a store on this harness's database (migrated unless told otherwise). */
  open(options?: Pick<OpenStoreOptions, 'migrate' | 'now'>): Promise<Store>;
  /** Run raw SQL on a separate connection, for inspection. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  cleanup(): Promise<void>;
}

/** A harness factory per dialect, and why it is skipped (if it is). */
export type DialectCase = [dialect: 'sqlite' | 'postgres', make: () => Promise<StoreHarness>, skip: string | undefined];

/** A temp-folder SQLite file. */
export async function sqliteHarness(): Promise<StoreHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'mg-store-'));
  const url = join(dir, 'state', 'modelgate.db');
  return {
    dialect: 'sqlite',
    url,
    open: (options = {}) => openStore(url, options),
    query: async (sql) => {
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(url, { readonly: true });
      try {
        return db.prepare(sql).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A unique schema on the test server. */
export async function postgresHarness(url: string): Promise<StoreHarness> {
  const schema = uniqueSchema('s');
  return {
    dialect: 'postgres',
    url,
    schema,
    open: (options = {}) => openStore(url, { ...options, schema }),
    query: (sql) => pgQuery(url, sql, [], schema),
    cleanup: () => dropSchema(url, schema),
  };
}

/** The dialects to test, warning once (visibly) when PostgreSQL is skipped. */
export async function dialectCases(): Promise<DialectCase[]> {
  const pg = await probePostgres();
  if (pg.skip) console.warn(`[modelgate store] PostgreSQL tests skipped: ${pg.skip}`);
  return [
    ['sqlite', sqliteHarness, undefined],
    ['postgres', () => postgresHarness(pg.url ?? ''), pg.skip],
  ];
}
