// Several gateway replicas share one Redis-backed budget: two processes admitting at once never overspend it.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiKeyRecord } from '../../access-types.js';
import { childExit, spawnScript } from '../test-support/child.js';
import { deletePrefix, redisCase, uniquePrefix } from '../test-support/redis.js';
import { connectRedis } from './redis-connect.js';
import { RedisLimitService } from './redis-limits.js';

const redis = await redisCase();
const prefix = uniquePrefix('shared');
afterAll(async () => {
  if (redis.url) await deletePrefix(redis.url, prefix);
});

const key = (limits: Partial<ApiKeyRecord>): ApiKeyRecord => ({
  id: `key_${randomBytes(6).toString('hex')}`, prefix: 'mg_test', routes: ['*'], admin: false, createdAt: new Date().toISOString(), ...limits,
});

describe.skipIf(redis.skip !== undefined)('Redis limits shared by replicas', () => {
  const url = redis.url ?? '';

  it('two processes admitting concurrently stay within one budget (at most one reservation over)', { timeout: 60_000 }, async () => {
    const budget = 2;
    const k = key({ budgetUsd: budget });
    const procs = [0, 1].map(() => spawnScript('budget-child.ts', [url, prefix, JSON.stringify(k), '400', '16']));
    const exits = procs.map(childExit);
    // Both load and connect first, then start admitting at the same moment.
    await Promise.all(procs.map((p) => new Promise((r) => p.stdout.once('data', r))));
    for (const p of procs) p.stdin.end('go\n');
    const results = await Promise.all(exits);
    const outs = results.map((r) => {
      if (r.code !== 0) throw new Error(`child failed (${r.code}):\n${r.stderr}`);
      return JSON.parse(r.stdout.replace('ready', '').trim()) as { admitted: number; spent: number };
    });
    const spent = outs.reduce((s, o) => s + o.spent, 0);
    const admitted = outs.reduce((s, o) => s + o.admitted, 0);
    // Each process alone would have spent $4 worth of attempts; together they stop at the budget.
    expect(spent).toBeLessThanOrEqual(budget + 0.01);
    expect(admitted * 0.01).toBeLessThanOrEqual(budget * 2 + 0.01); // settled below estimate, so more fit
    expect(spent).toBeGreaterThan(budget - 0.02);
    for (const o of outs) expect(o.admitted).toBeGreaterThan(0);
  });

  it('two instances with separate connections share rate limits', async () => {
    const [a, b] = await Promise.all([0, 1].map(async () => new RedisLimitService(await connectRedis(url), { keyPrefix: prefix, owned: true })));
    try {
      const k = key({ rpm: 10 });
      const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a! : b!).admit(k, { tokens: 1, costUsd: 0 })));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(10);
      const no = outcomes.find((o) => !o.ok);
      expect(no && !no.ok && no.retryAfterSec).toBeGreaterThanOrEqual(1);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });

  it('reloads its scripts after Redis forgets them', async () => {
    const limits = new RedisLimitService(await connectRedis(url), { keyPrefix: prefix, owned: true });
    try {
      const k = key({ rpm: 5, budgetUsd: 1 });
      await limits.admit(k, { tokens: 1, costUsd: 0.1 });
      const raw = await connectRedis(url);
      await raw.script('FLUSH');
      raw.disconnect();
      const again = await limits.admit(k, { tokens: 1, costUsd: 0.1 });
      expect(again.ok).toBe(true);
      if (again.ok) await again.settle({ tokens: 1, costUsd: 0.1 });
    } finally {
      await limits.close();
    }
  });

  it('fails fast with a clear message when Redis is unreachable', async () => {
    await expect(connectRedis('redis://:hunter2@127.0.0.1:1')).rejects.toThrow(/cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/);
  });
});
