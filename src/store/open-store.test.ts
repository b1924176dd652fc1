// Store URLs and the factory: dialect choice, default location, SQLite settings, lazy loading.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import type { SqliteStore } from './sqlite/sqlite-store.js';
import { parseStoreUrl, redactUrl } from './url.js';

describe('parseStoreUrl', () => {
  it('defaults to modelgate.db in the state folder', () => {
    expect(parseStoreUrl(undefined, '/repo/.modelgate')).toEqual({ dialect: 'sqlite', path: '/repo/.modelgate/modelgate.db' });
    expect(parseStoreUrl('  ')).toEqual({ dialect: 'sqlite', path: resolve('.modelgate/modelgate.db') });
  });

  it('reads sqlite: URLs and bare paths', () => {
    expect(parseStoreUrl('sqlite:/tmp/a.db')).toEqual({ dialect: 'sqlite', path: '/tmp/a.db' });
    expect(parseStoreUrl('sqlite:///tmp/b.db')).toEqual({ dialect: 'sqlite', path: '/tmp/b.db' });
    expect(parseStoreUrl('sqlite:rel/c.db')).toEqual({ dialect: 'sqlite', path: resolve('rel/c.db') });
    expect(parseStoreUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
    expect(parseStoreUrl('./d.db')).toEqual({ dialect: 'sqlite', path: resolve('d.db') });
  });

  it('reads postgres URLs and refuses other schemes', () => {
    expect(parseStoreUrl('postgres://u@h/db')).toEqual({ dialect: 'postgres', url: 'postgres://u@h/db' });
    expect(parseStoreUrl('postgresql://u@h:5433/db?sslmode=require').dialect).toBe('postgres');
    expect(() => parseStoreUrl('mysql://u:secret@h/db')).toThrow(/unsupported store URL "mysql:\/\/u:\*\*\*@h\/db"/);
    expect(() => parseStoreUrl('sqlite:')).toThrow(/names no file/);
  });

  it('redacts passwords only', () => {
    expect(redactUrl('postgres://mg:s3cr3t@db:5432/x')).toBe('postgres://mg:***@db:5432/x');
    expect(redactUrl('postgres://mg@db/x')).toBe('postgres://mg@db/x');
  });
});

describe('openStore (SQLite)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mg-open-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates the default file and its folders under the state dir, configured for concurrent use', async () => {
    const stateDir = join(dir, 'project', '.modelgate');
    const store = (await openStore(undefined, { stateDir })) as SqliteStore;
    try {
      expect(store.dialect).toBe('sqlite');
      expect(existsSync(join(stateDir, 'modelgate.db'))).toBe(true);
      const db = store.database;
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5_000);
      expect(await store.listRuns()).toEqual([]);
    } finally {
      await store.close();
      await store.close(); // closing twice is harmless
    }
  });

  it('can skip migration, and works in memory', async () => {
    const bare = (await openStore(`sqlite:${join(dir, 'bare.db')}`, { migrate: false })) as SqliteStore;
    expect(bare.database.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    await bare.close();
    const mem = await openStore('sqlite::memory:');
    await mem.cacheSet('k', 1);
    expect((await mem.cacheGet('k'))?.value).toBe(1);
    await mem.close();
  });

  it('refuses a bad schema name before connecting', async () => {
    await expect(openStore('postgres://nobody@127.0.0.1:1/x', { schema: 'Bad-Name' })).rejects.toMatchObject({ code: 'MG_USAGE' });
  });
});
