// One behavioural suite for both limiters: in-process, and Redis (shared by replicas).
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Admission, ApiKeyRecord, LimitService } from '../../access-types.js';
import { deletePrefix, redisCase, uniquePrefix } from '../test-support/redis.js';
import type { LimitOptions } from './limit-options.js';
import { MemoryLimitService } from './memory-limits.js';
import { connectRedis } from './redis-connect.js';
import { RedisLimitService } from './redis-limits.js';

const redis = await redisCase();
const prefix = uniquePrefix('limits');
type Make = (o: LimitOptions) => Promise<LimitService>;
const cases: [string, Make, string | undefined][] = [
  ['memory', async (o) => new MemoryLimitService(o), undefined],
  ['redis', async (o) => new RedisLimitService(await connectRedis(redis.url ?? ''), { ...o, owned: true, keyPrefix: prefix }), redis.skip],
];
afterAll(async () => {
  if (redis.url) await deletePrefix(redis.url, prefix);
});

const T0 = Date.parse('2025-03-01T12:00:00Z');
const key = (limits: Partial<ApiKeyRecord>): ApiKeyRecord => ({
  id: `key_${randomBytes(6).toString('hex')}`, prefix: 'mg_test', routes: ['*'], admin: false, createdAt: new Date(T0).toISOString(), ...limits,
});
const est = (tokens: number, costUsd = 0) => ({ tokens, costUsd });
function refused(a: Admission): { reason: string; retryAfterSec: number; message: string } {
  if (a.ok) throw new Error('expected a refusal');
  return a;
}
async function ok(a: Promise<Admission>): Promise<Extract<Admission, { ok: true }>> {
  const r = await a;
  if (!r.ok) throw new Error(`expected admission, got ${r.reason}: ${r.message}`);
  return r;
}

describe.each(cases)('%s limits', (_name, make, skip) => {
  describe.skipIf(skip !== undefined)('admit and settle', () => {
    let now: number;
    let spentCalls: number;
    let ledgerSpent: number;
    let limits: LimitService;
    beforeEach(async () => {
      now = T0;
      spentCalls = 0;
      ledgerSpent = 0;
      const spentSince = async () => {
        spentCalls += 1;
        return ledgerSpent;
      };
      limits = await make({ now: () => now, spentSince, reservationTtlMs: 60_000 });
    });
    afterEach(() => limits.close());

    it('admits keys without limits', async () => {
      const a = await ok(limits.admit(key({}), est(1e9, 1e9)));
      await a.settle({ tokens: 1, costUsd: 1 });
    });

    it('allows a burst of rpm requests, then says when the next token arrives', async () => {
      const k = key({ rpm: 3 });
      for (let i = 0; i < 3; i++) await ok(limits.admit(k, est(1)));
      const no = refused(await limits.admit(k, est(1)));
      expect(no).toMatchObject({ reason: 'rpm', retryAfterSec: 20 });
      expect(no.message).toMatch(/3 requests per minute/);
      now += 19_000;
      refused(await limits.admit(k, est(1)));
      now += 1_000;
      await ok(limits.admit(k, est(1)));
    });

    it('charges estimated tokens, refunds or takes the difference on settle', async () => {
      const k = key({ tpm: 1000 });
      const first = await ok(limits.admit(k, est(600)));
      expect(refused(await limits.admit(k, est(600)))).toMatchObject({ reason: 'tpm', retryAfterSec: 12 });
      await first.settle({ tokens: 100, costUsd: 0 });
      const second = await ok(limits.admit(k, est(600)));
      await second.settle({ tokens: 1500, costUsd: 0 }); // used far more than estimated: the bucket goes below zero
      expect(refused(await limits.admit(k, est(1)))).toMatchObject({ reason: 'tpm' });
      now += 30_000; // -600 + 500 refilled = -100: still short of 1 token by 101, 6.06 s of refill
      expect(refused(await limits.admit(k, est(1))).retryAfterSec).toBe(7);
      now += 7_000;
      await ok(limits.admit(k, est(1)));
    });

    it('admits a request larger than the whole minute once the bucket is full, and a refusal costs nothing', async () => {
      const k = key({ tpm: 100, rpm: 2 });
      await ok(limits.admit(k, est(5000)));
      now += 60_000;
      await ok(limits.admit(k, est(80)));
      refused(await limits.admit(k, est(80)));
      await ok(limits.admit(k, est(10))); // the refused request took neither a request nor tokens
      expect(refused(await limits.admit(k, est(1))).reason).toBe('rpm');
    });

    it('reserves budget on admit and books the real cost on settle', async () => {
      const k = key({ budgetUsd: 1 });
      const a = await ok(limits.admit(k, est(0, 0.4)));
      const b = await ok(limits.admit(k, est(0, 0.4)));
      // Only reservations block: they settle soon, so the wait is short.
      expect(refused(await limits.admit(k, est(0, 0.4)))).toMatchObject({ reason: 'budget', retryAfterSec: 1 });
      await a.settle({ tokens: 0, costUsd: 0.45 });
      await b.settle({ tokens: 0, costUsd: 0.45 });
      await b.settle({ tokens: 0, costUsd: 0.45 }); // a second settle changes nothing
      const no = refused(await limits.admit(k, est(0, 0.4)));
      expect(no).toMatchObject({ reason: 'budget', retryAfterSec: 86_400 });
      expect(no.message).toMatch(/budget of \$1 exhausted.*\$0\.9000 spent/);
      await ok(limits.admit(k, est(0, 0.1)));
      expect(spentCalls).toBe(1);
    });

    it('fits exactly a hundred $0.01 requests in $1 despite float sums', async () => {
      const k = key({ budgetUsd: 1 });
      for (let i = 0; i < 100; i++) await (await ok(limits.admit(k, est(0, 0.01)))).settle({ tokens: 0, costUsd: 0.01 });
      refused(await limits.admit(k, est(0, 0.01)));
    });

    it('starts a budget from the ledger and resets a daily one at UTC midnight', async () => {
      ledgerSpent = 4.95;
      const k = key({ budgetUsd: 5, budgetPeriod: 'day' });
      const no = refused(await limits.admit(k, est(0, 0.1)));
      expect(no.retryAfterSec).toBe(12 * 3600);
      expect(no.message).toMatch(/per day/);
      await ok(limits.admit(k, est(0, 0.05)));
      ledgerSpent = 0;
      now = Date.parse('2025-03-02T00:00:01Z');
      await ok(limits.admit(k, est(0, 4)));
      expect(spentCalls).toBe(2);
    });

    it('returns the budget of a reservation that never settled once it expires', async () => {
      const k = key({ budgetUsd: 1, budgetPeriod: 'month' });
      await ok(limits.admit(k, est(0, 1)));
      refused(await limits.admit(k, est(0, 0.5)));
      now += 60_001;
      await ok(limits.admit(k, est(0, 0.5)));
    });

    it('refuses negative or non-finite amounts as bugs', async () => {
      await expect(limits.admit(key({ rpm: 1 }), est(-1))).rejects.toThrow(RangeError);
      await expect(limits.admit(key({ rpm: 1 }), est(1, Number.NaN))).rejects.toThrow(RangeError);
    });
  });
});
