// The factory: store ownership, Redis or memory limits, and budgets that survive a restart through the ledger.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import { openAccess } from './open-access.js';
import { MemoryLimitService } from './limits/memory-limits.js';
import { RedisLimitService } from './limits/redis-limits.js';
import { makeLedgerRow } from './test-support/ledger-fixtures.js';
import { deletePrefix, redisCase, uniquePrefix } from './test-support/redis.js';

const redis = await redisCase();
const prefix = uniquePrefix('open');
afterAll(async () => {
  if (redis.url) await deletePrefix(redis.url, prefix);
});

describe('openAccess', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mg-access-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('opens the default SQLite store in stateDir and closes it; leaves a caller\'s store open', async () => {
    const a = await openAccess({ stateDir: dir, env: {} });
    expect(a.store.dialect).toBe('sqlite');
    expect(a.limits).toBeInstanceOf(MemoryLimitService);
    await a.keys.create({ routes: ['*'] });
    await a.close();

    const store = await openStore(undefined, { stateDir: dir });
    const b = await openAccess({ store, env: {} });
    expect(await b.keys.list()).toHaveLength(1);
    await b.close();
    expect(await store.listRuns()).toEqual([]); // still open
    await store.close();
  });

  it('starts a restarted process\'s budget from the ledger', async () => {
    const first = await openAccess({ stateDir: dir, env: {} });
    const { key, record } = await first.keys.create({ routes: ['chat'], budgetUsd: 1 });
    const k = (await first.keys.authenticate(key))!;
    const admitted = await first.limits.admit(k, { tokens: 10, costUsd: 0.5 });
    expect(admitted.ok).toBe(true);
    if (admitted.ok) await admitted.settle({ tokens: 10, costUsd: 0.9 });
    await first.ledger.record(makeLedgerRow(1, { keyId: record.id, costUsd: 0.9, ts: new Date().toISOString() }));
    await first.close();

    const second = await openAccess({ stateDir: dir, env: {} });
    const again = await second.limits.admit(record, { tokens: 10, costUsd: 0.2 });
    expect(again).toMatchObject({ ok: false, reason: 'budget' });
    expect((await second.limits.admit(record, { tokens: 10, costUsd: 0.1 })).ok).toBe(true);
    await second.close();
  });

  it('refuses an unsupported store object', async () => {
    const fake = { dialect: 'sqlite' } as unknown as Store;
    await expect(openAccess({ store: fake, env: {} })).rejects.toThrow(/unsupported store/);
  });

  describe.skipIf(redis.skip !== undefined)('with Redis', () => {
    it('keeps limits in Redis and releases the connection on close', async () => {
      const a = await openAccess({ stateDir: dir, env: {}, redisUrl: redis.url ?? '', redisKeyPrefix: prefix });
      expect(a.limits).toBeInstanceOf(RedisLimitService);
      const { record } = await a.keys.create({ routes: ['*'], rpm: 1 });
      expect((await a.limits.admit(record, { tokens: 1, costUsd: 0 })).ok).toBe(true);
      expect(await a.limits.admit(record, { tokens: 1, costUsd: 0 })).toMatchObject({ ok: false, reason: 'rpm' });
      await a.close();
    });
  });
});
