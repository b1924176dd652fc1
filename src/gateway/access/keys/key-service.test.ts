// Keys against both store dialects: created once, stored hashed, authenticated, cached briefly, revoked.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../store/test-support/harness.js';
import type { StoreHarness } from '../../../store/test-support/harness.js';
import type { Store } from '../../../store/index.js';
import { openAccess } from '../open-access.js';
import type { AccessServices } from '../open-access.js';
import type { ApiKeyRecord } from '../../access-types.js';
import { DbKeyService, ENV_ADMIN_ID } from './key-service.js';
import type { KeyRepo } from './key-rows.js';
import { hashKey } from './key-format.js';
import { mayUseRoute } from './key-spec.js';

const cases = await dialectCases();
const T0 = Date.parse('2025-03-01T12:00:00Z');

describe.each(cases)('%s keys', (dialect, makeHarness, skip) => {
  describe.skipIf(skip !== undefined)('key service', () => {
    let h: StoreHarness;
    let store: Store;
    let now: number;
    let opened: AccessServices[] = [];
    const open = async (extra: Parameters<typeof openAccess>[0] = {}): Promise<AccessServices> => {
      const a = await openAccess({ store, env: {}, now: () => now, ...extra });
      opened.push(a);
      return a;
    };
    beforeEach(async () => {
      h = await makeHarness();
      store = await h.open();
      now = T0;
    });
    afterEach(async () => {
      // Stop each ledger's writer threads before the files go (they would recreate -wal and -shm).
      for (const a of opened) await a.close();
      opened = [];
      await store.close();
      await h.cleanup();
    });

    it('creates a key, stores only its hash, and authenticates it', async () => {
      const a = await open();
      const { key, record } = await a.keys.create({ name: 'ci', routes: ['chat', 'embed'], budgetUsd: 5, rpm: 60 });
      expect(key).toMatch(/^mg_[0-9A-Za-z]{40}$/);
      expect(record).toMatchObject({ name: 'ci', routes: ['chat', 'embed'], budgetUsd: 5, budgetPeriod: 'total', rpm: 60, admin: false, prefix: key.slice(0, 11) });
      expect(await a.keys.authenticate(key)).toEqual(record);
      expect(await a.keys.list()).toEqual([record]);
      const rows = await h.query('SELECT * FROM api_keys');
      expect(rows[0]?.['key_hash']).toBe(hashKey(key));
      expect(JSON.stringify(rows)).not.toContain(key.slice(11));
      if (dialect === 'sqlite') {
        await a.ledger.flush();
        const files = await Promise.all(['', '-wal'].map((s) => readFile(h.url + s).catch(() => Buffer.alloc(0))));
        for (const f of files) expect(f.includes(key.slice(11))).toBe(false);
      }
    });

    it('refuses unknown, malformed, expired and revoked keys', async () => {
      const a = await open();
      const { key } = await a.keys.create({ routes: ['*'], expiresAt: new Date(T0 + 60_000).toISOString() });
      for (const bad of ['', 'mg_', `${key}x`, key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a'), `Bearer ${key}`, 'x'.repeat(10_000)]) {
        expect(await a.keys.authenticate(bad)).toBeUndefined();
      }
      expect(await a.keys.authenticate(key)).toBeDefined();
      now = T0 + 60_000;
      expect(await a.keys.authenticate(key)).toBeUndefined();
      const other = await a.keys.create({ routes: ['*'] });
      expect(await a.keys.revoke(other.record.id)).toBe(true);
      expect(await a.keys.authenticate(other.key)).toBeUndefined();
      expect((await a.keys.list()).find((k) => k.id === other.record.id)?.revokedAt).toBe(new Date(now).toISOString());
    });

    it('revokes by prefix, refuses an ambiguous or too short one, and reports no match', async () => {
      const a = await open();
      const one = await a.keys.create({ routes: ['chat'] });
      await a.keys.create({ routes: ['chat'] });
      expect(await a.keys.revoke(one.record.prefix)).toBe(true);
      expect(await a.keys.revoke(one.record.prefix)).toBe(true); // already revoked: still a match
      expect(await a.keys.revoke('mg_zzzzzzzzz')).toBe(false);
      await expect(a.keys.revoke('mg_')).rejects.toThrow(/at least 4 characters/);
    });

    it('caches lookups: a revocation by another process takes effect within the TTL', async () => {
      const gateway = await open({ keyCacheTtlMs: 2_000 });
      const cli = await open();
      const { key, record } = await cli.keys.create({ routes: ['*'] });
      expect(await gateway.keys.authenticate(key)).toBeDefined();
      await cli.keys.revoke(record.id);
      now += 1_000;
      expect(await gateway.keys.authenticate(key)).toBeDefined(); // still cached
      now += 1_001;
      expect(await gateway.keys.authenticate(key)).toBeUndefined();
    });

    it('accepts the admin key from the environment, which has no row', async () => {
      const a = await open({ env: { MODELGATE_ADMIN_KEY: 'admin-secret-0123456789' } });
      const admin = await a.keys.authenticate('admin-secret-0123456789');
      expect(admin).toMatchObject({ id: ENV_ADMIN_ID, admin: true, routes: ['*'], prefix: '(env)' });
      expect(await a.keys.authenticate('admin-secret-012345678')).toBeUndefined();
      expect(await a.keys.list()).toEqual([]);
      await expect(open({ env: { MODELGATE_ADMIN_KEY: 'short' } })).rejects.toThrow(/too short/);
      const made = await a.keys.create({ routes: ['*'], admin: true });
      expect((await a.keys.authenticate(made.key))?.admin).toBe(true);
    });

    it('validates the spec, collecting every problem', async () => {
      const a = await open();
      await expect(a.keys.create({ routes: [' '], rpm: 0, tpm: 1.5, budgetUsd: -1, expiresAt: 'soon' })).rejects.toThrow(
        /at least one route.*rpm must be.*tpm must be.*budget must be.*not a date/,
      );
      await expect(a.keys.create({ routes: ['a'], expiresAt: new Date(T0 - 1).toISOString() })).rejects.toThrow(/in the past/);
    });
  });
});

describe('DbKeyService.revoke', () => {
  it('refuses a prefix that matches several keys', async () => {
    const rec = (id: string): ApiKeyRecord => ({ id, prefix: `mg_Ab${id}`, routes: ['*'], admin: false, createdAt: new Date(T0).toISOString() });
    const repo: KeyRepo = {
      insert: async () => undefined,
      list: async () => [rec('1'), rec('2')],
      findByHash: async () => undefined,
      findByRef: async (ref) => [rec('1'), rec('2')].filter((r) => r.id === ref || r.prefix.startsWith(ref)),
      revoke: async () => true,
    };
    const keys = new DbKeyService(repo);
    await expect(keys.revoke('mg_Ab')).rejects.toThrow(/"mg_Ab" matches 2 keys \(mg_Ab1, mg_Ab2\); give the key id/);
    expect(await keys.revoke('mg_Ab1')).toBe(true);
  });
});

describe('mayUseRoute', () => {
  it('allows listed routes and *', () => {
    expect(mayUseRoute({ routes: ['chat'] }, 'chat')).toBe(true);
    expect(mayUseRoute({ routes: ['chat'] }, 'embed')).toBe(false);
    expect(mayUseRoute({ routes: ['*'] }, 'anything')).toBe(true);
  });
});
