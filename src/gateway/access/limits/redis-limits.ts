/**
 * The Redis {@link LimitService}: the same token buckets and budget
 * reservations as the in-process limiter, kept in Redis and changed only by
 * Lua scripts, so every gateway replica behind a load balancer shares one
 * limit. Redis errors reject `admit` (the gateway fails closed).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Admission, ApiKeyRecord, LimitService } from '../../access-types.js';
import { budgetMessage, budgetPeriod, budgetRetryAfterSec, rateMessage } from './budget-period.js';
import type { BudgetPeriod } from './budget-period.js';
import { checkAmounts, DEFAULT_RESERVATION_TTL_MS, hasLimits, settleOnce, toRetrySec, UNLIMITED } from './limit-options.js';
import type { LimitOptions } from './limit-options.js';
import { ADMIT_LUA, SETTLE_LUA } from './redis-scripts.js';

/** How long a `total` budget's state stays in Redis unused; when it lapses, the next admit re-reads the ledger. */
const TOTAL_STATE_TTL_MS = 7 * 86_400_000;

/** Options of the Redis limiter. */
export interface RedisLimitOptions extends LimitOptions {
  /** Prefix of every Redis key (default `mg:`), so several gateways (or tests) can share a Redis. */
  keyPrefix?: string;
}

/** A loaded Lua script, run by its SHA-1 and re-sent in full only when Redis does not have it (after a restart). */
class Script {
  readonly #sha: string;
  constructor(
    readonly lua: string,
    readonly keys: number,
  ) {
    this.#sha = createHash('sha1').update(lua).digest('hex');
  }

  async run(redis: Redis, args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.#sha, this.keys, ...args);
    } catch (e) {
      if (!String((e as Error).message).startsWith('NOSCRIPT')) throw e;
      return redis.eval(this.lua, this.keys, ...args);
    }
  }
}

/** Limits shared through Redis. */
export class RedisLimitService implements LimitService {
  readonly #redis: Redis;
  readonly #owned: boolean;
  readonly #prefix: string;
  readonly #now: (() => number) | undefined;
  readonly #spentSince: LimitOptions['spentSince'];
  readonly #ttl: number;
  readonly #admit = new Script(ADMIT_LUA, 4);
  readonly #settle = new Script(SETTLE_LUA, 4);
  /** Reservation ids: random per instance, then a counter, so replicas never collide. */
  readonly #idBase = randomBytes(6).toString('hex');
  #counter = 0;

  /** Use a connected client; `owned` means {@link close} quits it. */
  constructor(redis: Redis, options: RedisLimitOptions & { owned?: boolean } = {}) {
    this.#redis = redis;
    this.#owned = options.owned ?? false;
    this.#prefix = options.keyPrefix ?? 'mg:';
    this.#now = options.now;
    this.#spentSince = options.spentSince;
    this.#ttl = options.reservationTtlMs ?? DEFAULT_RESERVATION_TTL_MS;
  }

  async admit(key: ApiKeyRecord, estimate: { tokens: number; costUsd: number }): Promise<Admission> {
    checkAmounts('admit', estimate);
    if (!hasLimits(key)) return UNLIMITED;
    const nowMs = this.#now?.() ?? Date.now();
    const period = key.budgetUsd === undefined ? undefined : budgetPeriod(key.budgetPeriod ?? 'total', nowMs);
    const keys = this.#keys(key.id, period?.id ?? 'none');
    const reservation = `${this.#idBase}-${(this.#counter++).toString(36)}`;
    const args = (seed: string): (string | number)[] => [
      this.#now ? String(nowMs) : '', key.rpm ?? 0, key.tpm ?? 0, estimate.tokens, key.budgetUsd ?? '', estimate.costUsd,
      reservation, this.#ttl, period ? stateTtl(period, nowMs) : 0, seed,
    ];
    let reply = (await this.#admit.run(this.#redis, [...keys, ...args('')])) as (number | string)[];
    if (reply[0] === -1 && period) {
      // First use of this budget period here (or its state was evicted): start from the ledger's spend.
      const spent = this.#spentSince ? await this.#spentSince(key.id, period.startMs) : 0;
      reply = (await this.#admit.run(this.#redis, [...keys, ...args(String(spent))])) as (number | string)[];
    }
    if (reply[0] !== 1) return this.#refusal(key, reply, period, nowMs, estimate.costUsd);
    // With only an RPM limit there is nothing to settle: skip the second round trip.
    if (key.tpm === undefined && !period) return settleOnce(async () => undefined);
    const charged = Number(reply[1]);
    const settleArgs = (actual: { tokens: number; costUsd: number }): (string | number)[] => [
      key.tpm ?? 0, charged - actual.tokens, period ? '1' : '', reservation, actual.costUsd,
    ];
    return settleOnce(async (actual) => {
      await this.#settle.run(this.#redis, [...keys, ...settleArgs(actual)]);
    });
  }

  async close(): Promise<void> {
    if (this.#owned && this.#redis.status !== 'end') await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  /** The four keys of one key id and budget period; `{id}` is a Redis Cluster hash tag. */
  #keys(keyId: string, period: string): string[] {
    const base = `${this.#prefix}{${keyId}}`;
    return [`${base}:rate`, `${base}:b:${period}`, `${base}:rz:${period}`, `${base}:rc:${period}`];
  }

  #refusal(key: ApiKeyRecord, reply: (number | string)[], period: BudgetPeriod | undefined, nowMs: number, cost: number): Admission {
    if (reply[1] === 3 && period && key.budgetUsd !== undefined) {
      const spent = Number(reply[3]);
      return { ok: false, reason: 'budget', retryAfterSec: budgetRetryAfterSec(period, nowMs, spent, cost, key.budgetUsd), message: budgetMessage(key, spent) };
    }
    if (reply[1] === 1 || reply[1] === 2) {
      const reason = reply[1] === 1 ? 'rpm' : 'tpm';
      return { ok: false, reason, retryAfterSec: toRetrySec(Number(reply[2])), message: rateMessage(key, reason) };
    }
    throw new Error(`unexpected reply from the Redis admit script: ${JSON.stringify(reply)}`);
  }
}

/** Budget state outlives its period by a day (late settles still land), and `total` state lapses when idle. */
function stateTtl(p: BudgetPeriod, nowMs: number): number {
  return p.endMs === undefined ? TOTAL_STATE_TTL_MS : p.endMs - nowMs + 86_400_000;
}
