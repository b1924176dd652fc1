/**
 * The in-process {@link LimitService}: token buckets for RPM and TPM and a
 * reserved/spent budget per key. Right for one gateway process; several
 * replicas need the Redis limiter, or each would grant the full limit.
 */
import type { Admission, ApiKeyRecord, LimitService } from '../../access-types.js';
import { budgetMessage, budgetPeriod, budgetRetryAfterSec, BUDGET_EPSILON, rateMessage } from './budget-period.js';
import type { BudgetPeriod } from './budget-period.js';
import { checkAmounts, DEFAULT_RESERVATION_TTL_MS, hasLimits, settleOnce, toRetrySec, UNLIMITED } from './limit-options.js';
import type { LimitOptions } from './limit-options.js';
import { level, waitMs } from './token-bucket.js';
import type { Bucket } from './token-bucket.js';

type Refusal = Extract<Admission, { ok: false }>;

/** A key's budget in one period. */
interface BudgetState {
  period: string;
  spent: number;
  reserved: number;
  /** Open reservations: id → cost and expiry. */
  open: Map<number, { cost: number; untilMs: number }>;
}

interface KeyState {
  rpm?: Bucket;
  tpm?: Bucket;
  budget?: BudgetState;
  /** A period whose starting spend is being read from the ledger, so concurrent first requests read it once. */
  seeding?: { period: string; done: Promise<number> };
}

/** Limits kept in this process's memory. */
export class MemoryLimitService implements LimitService {
  readonly #keys = new Map<string, KeyState>();
  readonly #now: () => number;
  readonly #spentSince: LimitOptions['spentSince'];
  readonly #ttl: number;
  #nextReservation = 1;

  /** A limiter; `spentSince` (the ledger) starts budgets from what was already spent. */
  constructor(options: LimitOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#spentSince = options.spentSince;
    this.#ttl = options.reservationTtlMs ?? DEFAULT_RESERVATION_TTL_MS;
  }

  async admit(key: ApiKeyRecord, estimate: { tokens: number; costUsd: number }): Promise<Admission> {
    checkAmounts('admit', estimate);
    if (!hasLimits(key)) return UNLIMITED;
    let state = this.#keys.get(key.id);
    if (!state) this.#keys.set(key.id, (state = {}));
    const period = key.budgetUsd === undefined ? undefined : budgetPeriod(key.budgetPeriod ?? 'total', this.#now());
    if (period && state.budget?.period !== period.id) await this.#seed(key.id, state, period);
    // From here on nothing awaits, so the check and the reservation are one atomic step.
    const now = this.#now();
    const rates = this.#checkRates(key, state, estimate.tokens, now);
    if (!rates.ok) return rates;
    let reservation: number | undefined;
    if (period && key.budgetUsd !== undefined) {
      const b = state.budget as BudgetState;
      expireReservations(b, now);
      if (b.spent + b.reserved + estimate.costUsd > key.budgetUsd + BUDGET_EPSILON) {
        const retryAfterSec = budgetRetryAfterSec(period, now, b.spent, estimate.costUsd, key.budgetUsd);
        return { ok: false, reason: 'budget', retryAfterSec, message: budgetMessage(key, b.spent) };
      }
      reservation = this.#nextReservation++;
      b.reserved += estimate.costUsd;
      b.open.set(reservation, { cost: estimate.costUsd, untilMs: now + this.#ttl });
    }
    const charged = rates.charge(now);
    return settleOnce(async (actual) => this.#settle(state, period?.id, reservation, charged, actual, key.tpm));
  }

  async close(): Promise<void> {
    this.#keys.clear();
  }

  /** Check both buckets before taking from either, so a refusal costs the key nothing. */
  #checkRates(key: ApiKeyRecord, s: KeyState, tokens: number, now: number): Refusal | { ok: true; charge: (now: number) => number } {
    const rpmLevel = key.rpm === undefined ? 0 : level(s.rpm, key.rpm, now);
    if (key.rpm !== undefined && rpmLevel < 1) {
      return { ok: false, reason: 'rpm', retryAfterSec: toRetrySec(waitMs(rpmLevel, 1, key.rpm)), message: rateMessage(key, 'rpm') };
    }
    // A request larger than the whole per-minute allowance waits for a full bucket instead of never passing.
    const need = key.tpm === undefined ? 0 : Math.min(tokens, key.tpm);
    const tpmLevel = key.tpm === undefined ? 0 : level(s.tpm, key.tpm, now);
    if (key.tpm !== undefined && tpmLevel < need) {
      return { ok: false, reason: 'tpm', retryAfterSec: toRetrySec(waitMs(tpmLevel, need, key.tpm)), message: rateMessage(key, 'tpm') };
    }
    return {
      ok: true,
      charge: (at) => {
        if (key.rpm !== undefined) s.rpm = { tokens: rpmLevel - 1, atMs: at };
        if (key.tpm !== undefined) s.tpm = { tokens: tpmLevel - need, atMs: at };
        return need;
      },
    };
  }

  async #seed(keyId: string, s: KeyState, period: BudgetPeriod): Promise<void> {
    if (s.seeding?.period !== period.id) {
      const read = this.#spentSince ? this.#spentSince(keyId, period.startMs) : Promise.resolve(0);
      s.seeding = { period: period.id, done: read };
      read.catch(() => {
        if (s.seeding?.done === read) s.seeding = undefined;
      });
    }
    const spent = await s.seeding.done;
    if (s.budget?.period !== period.id) s.budget = { period: period.id, spent, reserved: 0, open: new Map() };
  }

  #settle(s: KeyState, period: string | undefined, reservation: number | undefined, charged: number, actual: { tokens: number; costUsd: number }, tpm: number | undefined): void {
    // Tokens: refund an over-estimate, or take the extra (the bucket may go below zero and the key waits longer).
    if (tpm !== undefined && s.tpm) s.tpm.tokens = Math.min(tpm, s.tpm.tokens + charged - actual.tokens);
    const b = s.budget;
    if (reservation === undefined || !b || b.period !== period) return;
    const open = b.open.get(reservation);
    if (open) {
      b.open.delete(reservation);
      b.reserved -= open.cost;
    }
    b.spent += actual.costUsd;
  }
}

/** Drop reservations whose request never settled, returning their budget. */
function expireReservations(b: BudgetState, now: number): void {
  // Reservations are inserted with the same TTL, so the Map's insertion order is expiry order: stop at the first live one.
  for (const [id, r] of b.open) {
    if (r.untilMs > now) break;
    b.open.delete(id);
    b.reserved -= r.cost;
  }
}
