/**
 * Bounded retries with exponential backoff. An attempt signals "try again"
 * by throwing a RetryableFailure that already carries the error to raise
 * once the attempts run out, so the caller decides the final code.
 */
import type { UpstreamError } from '../../core/errors.js';

/** How many times to retry and how long to wait in between. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** Thrown by an attempt that may succeed if repeated (network error, 5xx, 429, truncated body). */
export class RetryableFailure extends Error {
  readonly final: UpstreamError;
  readonly retryAfterMs: number | undefined;

  constructor(final: UpstreamError, retryAfterMs?: number) {
    super(final.message, { cause: final });
    this.name = 'RetryableFailure';
    this.final = final;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Resolve after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Run `attempt` until it succeeds, throws a non-retryable error, or the retries are used up. */
export async function withRetries<T>(policy: RetryPolicy, attempt: (index: number) => Promise<T>): Promise<T> {
  for (let index = 0; ; index++) {
    try {
      return await attempt(index);
    } catch (e) {
      if (!(e instanceof RetryableFailure)) throw e;
      if (index >= policy.retries) throw e.final;
      await policy.sleep(e.retryAfterMs ?? backoffDelay(policy, index));
    }
  }
}

/** Exponential delay with jitter, so parallel downloads do not retry in lockstep. */
export function backoffDelay(policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, index: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** index);
  return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

/**
 * Milliseconds to wait from a `Retry-After` header (delta seconds or an
 * HTTP date), capped so a hostile or confused server cannot park us for hours.
 */
export function parseRetryAfter(value: string | null, capMs: number, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, ms), capMs);
}
