/** What both limiters (in-process and Redis) share: options, the no-limit fast path, input checks. */
import type { Admission, ApiKeyRecord } from '../../access-types.js';

/** How a limiter is built. */
export interface LimitOptions {
  /** Clock in epoch ms. The Redis limiter uses the Redis server's clock unless this is given (tests pin it). */
  now?: () => number;
  /**
   * Spend already in the ledger for a key since an instant. A budget period's state starts from it the
   * first time the limiter sees the key, so a restart (or an evicted Redis key) does not reset a budget.
   */
  spentSince?: (keyId: string, sinceMs: number) => Promise<number>;
  /**
   * How long a reservation holds budget when its request never settles (the process handling it died).
   * Default 10 minutes: longer than any request the gateway lets run.
   */
  reservationTtlMs?: number;
}

/** Default {@link LimitOptions.reservationTtlMs}. */
export const DEFAULT_RESERVATION_TTL_MS = 10 * 60_000;

/** Whether the key has any limit at all; keys without one are admitted without touching state. */
export function hasLimits(key: ApiKeyRecord): boolean {
  return key.rpm !== undefined || key.tpm !== undefined || key.budgetUsd !== undefined;
}

/** The admission of a key without limits. */
export const UNLIMITED: Admission = Object.freeze({ ok: true as const, settle: async () => undefined });

/** Estimates and actuals must be finite and non-negative; anything else is a bug in the caller. */
export function checkAmounts(what: string, v: { tokens: number; costUsd: number }): void {
  if (!(Number.isFinite(v.tokens) && v.tokens >= 0 && Number.isFinite(v.costUsd) && v.costUsd >= 0)) {
    throw new RangeError(`${what}: tokens and costUsd must be finite and >= 0 (got ${v.tokens}, ${v.costUsd})`);
  }
}

/** Whole seconds for a Retry-After header: at least 1. */
export function toRetrySec(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** Wrap `settle` so a second call does nothing (a request settles once, whatever path ends it). */
export function settleOnce(settle: (actual: { tokens: number; costUsd: number }) => Promise<void>): Admission {
  let done = false;
  return {
    ok: true,
    settle: async (actual) => {
      if (done) return;
      done = true;
      checkAmounts('settle', actual);
      await settle(actual);
    },
  };
}
