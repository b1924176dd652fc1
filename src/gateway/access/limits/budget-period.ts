/**
 * Budget periods in UTC: which period an instant falls in, when it started
 * (spend is counted from there) and when it ends (the Retry-After of an
 * exhausted budget).
 */
import type { ApiKeyRecord } from '../../access-types.js';

/** Retry-After (s) for an exhausted lifetime budget: it never resets, so clients are told to stay away a day. */
export const TOTAL_BUDGET_RETRY_SEC = 86_400;

/** Slack for floating-point sums of many small costs, so a budget of $1.00 admits a hundred $0.01 requests. */
export const BUDGET_EPSILON = 1e-9;

/** One budget period. */
export interface BudgetPeriod {
  /** Stable name of the period (`total`, `d2025-01-31`, `m2025-01`), part of the state's key. */
  id: string;
  startMs: number;
  /** Undefined for `total`, which never resets. */
  endMs: number | undefined;
}

/** The period containing `nowMs`. */
export function budgetPeriod(period: NonNullable<ApiKeyRecord['budgetPeriod']>, nowMs: number): BudgetPeriod {
  const d = new Date(nowMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (period === 'day') {
    const startMs = Date.UTC(y, m, d.getUTCDate());
    return { id: `d${new Date(startMs).toISOString().slice(0, 10)}`, startMs, endMs: startMs + 86_400_000 };
  }
  if (period === 'month') {
    const startMs = Date.UTC(y, m, 1);
    return { id: `m${new Date(startMs).toISOString().slice(0, 7)}`, startMs, endMs: Date.UTC(y, m + 1, 1) };
  }
  return { id: 'total', startMs: 0, endMs: undefined };
}

/**
 * Seconds to wait after a budget refusal. When settled spend alone leaves
 * room, it is in-flight reservations that block, and they settle within
 * seconds; otherwise the wait lasts until the period resets.
 */
export function budgetRetryAfterSec(p: BudgetPeriod, nowMs: number, spent: number, estimate: number, budget: number): number {
  if (spent + estimate <= budget + BUDGET_EPSILON) return 1;
  return p.endMs === undefined ? TOTAL_BUDGET_RETRY_SEC : Math.max(1, Math.ceil((p.endMs - nowMs) / 1000));
}

/** The refusal message for a budget; amounts only, never the key. */
export function budgetMessage(key: ApiKeyRecord, spent: number): string {
  const per = key.budgetPeriod === 'day' ? ' per day' : key.budgetPeriod === 'month' ? ' per month' : '';
  return `budget of $${key.budgetUsd}${per} exhausted for this key ($${spent.toFixed(4)} spent)`;
}

/** Refusal messages for the rate limits. */
export function rateMessage(key: ApiKeyRecord, reason: 'rpm' | 'tpm'): string {
  return reason === 'rpm' ? `rate limit of ${key.rpm} requests per minute reached for this key` : `token limit of ${key.tpm} tokens per minute reached for this key`;
}
