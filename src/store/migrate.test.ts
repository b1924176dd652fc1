// Migrations: applied once, in order, idempotent, safe when several processes migrate together.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, pendingMigrations } from './migrations.js';
import type { Migration } from './migrations.js';
import { migratePostgres } from './postgres/open-postgres.js';
import type { PostgresStore } from './postgres/pg-store.js';
import { migrateSqlite } from './sqlite/open-sqlite.js';
import type { SqliteStore } from './sqlite/sqlite-store.js';
import { makeResults, makeRun } from './test-support/fixtures.js';
import { dialectCases } from './test-support/harness.js';
import type { StoreHarness } from './test-support/harness.js';
import { childExit, spawnStoreChild } from './test-support/spawn-child.js';
import type { Store } from './types.js';

const cases = await dialectCases();
const now = (): Date => new Date('2025-06-01T00:00:00.000Z');

/** A later migration, as the gateway will add: a new table written in both dialects. */
const ledger: Migration = {
  id: '0002_test_ledger',
  sqlite: 'CREATE TABLE test_ledger (id INTEGER PRIMARY KEY, cost_usd REAL NOT NULL)',
  postgres: 'CREATE TABLE test_ledger (id BIGSERIAL PRIMARY KEY, cost_usd DOUBLE PRECISION NOT NULL)',
};

/** Run a migration list through the dialect's own runner, as `Store.migrate` does with MIGRATIONS. */
function migrateWith(store: Store, h: StoreHarness, all: readonly Migration[]): Promise<string[]> {
  if (store.dialect === 'sqlite') return Promise.resolve(migrateSqlite((store as SqliteStore).database, h.url, now, all));
  return migratePostgres((store as PostgresStore).pool, h.schema, h.url, now, all);
}

describe('pendingMigrations', () => {
  it('returns what is missing, in order, and refuses unknown ids', () => {
    const all = [...MIGRATIONS, ledger];
    expect(pendingMigrations([], 'db', all).map((m) => m.id)).toEqual(all.map((m) => m.id));
    expect(pendingMigrations(MIGRATIONS.map((m) => m.id), 'db', all)).toEqual([ledger]);
    expect(() => pendingMigrations(['9999_from_the_future'], 'db', all)).toThrow(/newer modelgate.*9999_from_the_future/);
  });

  it('keeps ids unique and sorted', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^\d{4}_[a-z0-9_]+$/);
  });
});

describe.each(cases)('%s migrations', (dialect, makeHarness, skip) => {
  describe.skipIf(skip !== undefined)('runner', () => {
    let h: StoreHarness;
    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(() => h.cleanup());

    it('applies each migration once; re-running is a no-op', async () => {
      const store = await h.open({ now });
      await store.createRun(makeRun(1));
      await store.appendResults(makeResults('run-1', 10));
      const before = await h.query('SELECT id, applied_at FROM schema_migrations ORDER BY id');
      expect(before.map((r) => r['id'])).toEqual(MIGRATIONS.map((m) => m.id));
      await store.migrate();
      expect(await migrateWith(store, h, MIGRATIONS)).toEqual([]);
      await store.close();
      const again = await h.open({ now: () => new Date('2030-01-01T00:00:00.000Z') });
      expect(await h.query('SELECT id, applied_at FROM schema_migrations ORDER BY id')).toEqual(before);
      expect((await again.getRun('run-1'))?.counts.results).toBe(10);
      await again.close();
    });

    it('applies a later migration on top of existing data', async () => {
      const store = await h.open({ now });
      await store.createRun(makeRun(1));
      expect(await migrateWith(store, h, [...MIGRATIONS, ledger])).toEqual([ledger.id]);
      expect(await migrateWith(store, h, [...MIGRATIONS, ledger])).toEqual([]);
      expect(await h.query('SELECT count(*) AS n FROM test_ledger')).toEqual([{ n: dialect === 'sqlite' ? 0 : '0' }]);
      // Code that does not know 0002 refuses the upgraded database rather than writing to it.
      await expect(store.migrate()).rejects.toMatchObject({ code: 'MG_INPUT_INVALID', message: expect.stringMatching(/0002_test_ledger/) });
      await store.close();
      await expect(h.open()).rejects.toMatchObject({ code: 'MG_INPUT_INVALID' });
    });

    it('lets several processes migrate a fresh database at once', { timeout: 60_000 }, async () => {
      const exits = await Promise.all([1, 2, 3].map(() => childExit(spawnStoreChild('migrate', h.url, h.schema))));
      for (const exit of exits) expect(exit, exit.stderr).toMatchObject({ code: 0, stdout: 'migrated\n' });
      expect((await h.query('SELECT id FROM schema_migrations')).map((r) => r['id'])).toEqual(MIGRATIONS.map((m) => m.id));
    });
  });
});

describe.skipIf(cases[1]![2] !== undefined)('postgres concurrent migrate in one process', () => {
  let h: StoreHarness;
  beforeEach(async () => {
    h = await cases[1]![1]();
  });
  afterEach(() => h.cleanup());

  it('serialises concurrent migrate() calls on the advisory lock; all succeed', async () => {
    const stores = await Promise.all([1, 2, 3, 4, 5].map(() => h.open({ migrate: false })));
    try {
      const results = await Promise.allSettled(stores.map((s) => s.migrate()));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect(await h.query('SELECT id FROM schema_migrations')).toEqual(MIGRATIONS.map((m) => ({ id: m.id })));
      await stores[0]!.createRun(makeRun(1));
      expect((await stores[4]!.listRuns()).map((r) => r.id)).toEqual(['run-1']);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
