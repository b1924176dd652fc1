// Ledger and limiter throughput. Prints the figures; the floors only catch a collapse, so the test never flakes.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../store/test-support/harness.js';
import { openAccess } from './open-access.js';
import { MemoryLimitService } from './limits/memory-limits.js';
import { connectRedis } from './limits/redis-connect.js';
import { RedisLimitService } from './limits/redis-limits.js';
import { benchKey, measureLedger, measureLimits } from './test-support/measure.js';
import type { Measured } from './test-support/measure.js';
import { deletePrefix, redisCase } from './test-support/redis.js';

const cases = await dialectCases();
const redis = await redisCase();
const prefix = `mgtest:tp:${randomBytes(4).toString('hex')}:`;
afterAll(async () => {
  if (redis.url) await deletePrefix(redis.url, prefix);
});
const line = (label: string, m: Measured) => console.log(`[access throughput] ${label}: ${m.perSec.toLocaleString('en')}/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ${m.cpuUsPerOp} µs CPU/op`);

describe.each(cases)('%s ledger throughput', (dialect, makeHarness, skip) => {
  it.skipIf(skip !== undefined)('records 20,000 durable rows from 256 concurrent requests', { timeout: 120_000 }, async () => {
    const h = await makeHarness();
    const store = await h.open();
    try {
      const access = await openAccess({ store, env: {} });
      const m = await measureLedger(access.ledger, 20_000, 256);
      line(`ledger ${dialect}, 256 in flight`, m);
      await access.close();
      expect(m.perSec).toBeGreaterThanOrEqual(2_000);
      const [row] = await h.query('SELECT count(*) AS n FROM ledger');
      expect(Number(row?.['n'])).toBe(20_000);
    } finally {
      await store.close();
      await h.cleanup();
    }
  });
});

describe('limiter latency', () => {
  it('memory: admit + settle', async () => {
    const m = await measureLimits(new MemoryLimitService(), benchKey('tp'), 100_000, 64);
    line('limits memory, 64 in flight', m);
    expect(m.perSec).toBeGreaterThanOrEqual(20_000);
  });

  it.skipIf(redis.skip !== undefined)('redis: admit + settle', { timeout: 60_000 }, async () => {
    const limits = new RedisLimitService(await connectRedis(redis.url ?? ''), { keyPrefix: prefix, owned: true });
    try {
      line('limits redis, 1 in flight', await measureLimits(limits, benchKey('tp1'), 5_000, 1));
      const m = await measureLimits(limits, benchKey('tp64'), 20_000, 64);
      line('limits redis, 64 in flight', m);
      expect(m.perSec).toBeGreaterThanOrEqual(1_000);
    } finally {
      await limits.close();
    }
  });
});
