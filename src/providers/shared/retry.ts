/**
 * Retry with exponential backoff and jitter. Retry-After (seconds, HTTP
 * date, or OpenAI's `retry-after-ms`) wins over the computed delay; a hint
 * longer than `maxRetryAfterMs` ends the retries at once, since waiting
 * that long inside one call helps nobody (a fallback target may answer now).
 */
import type { Failure, FailureKind, Result } from '../types.js';
import { fail } from './result.js';

/** How and when to retry. */
export interface RetryPolicy {
  /** Retries on top of the first attempt. */
  retries: number;
  baseMs: number;
  maxMs: number;
  factor: number;
  /** Fraction of the delay drawn at random (0 = none, 0.2 = up to ±20%). */
  jitter: number;
  maxRetryAfterMs: number;
  retryOn: readonly FailureKind[];
}

/** Two retries, 250 ms doubling to at most 8 s, on 429, 5xx and network errors. */
export const DEFAULT_RETRY: RetryPolicy = {
  retries: 2,
  baseMs: 250,
  maxMs: 8_000,
  factor: 2,
  jitter: 0.2,
  maxRetryAfterMs: 30_000,
  retryOn: ['rate_limited', 'upstream_5xx', 'network'],
};

/**
 * Delay before retry number `attempt` (1-based), or undefined when the
 * failure should not be retried.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, failure: Failure, random: () => number = Math.random): number | undefined {
  if (attempt > policy.retries || !policy.retryOn.includes(failure.kind)) return undefined;
  if (failure.retryAfterMs !== undefined) {
    return failure.retryAfterMs > policy.maxRetryAfterMs ? undefined : failure.retryAfterMs;
  }
  const raw = Math.min(policy.maxMs, policy.baseMs * policy.factor ** (attempt - 1));
  const spread = raw * policy.jitter;
  return Math.max(0, Math.round(raw - spread + random() * 2 * spread));
}

/** Parse Retry-After / retry-after-ms headers into milliseconds. */
export function parseRetryAfter(headers: Record<string, string | string[] | undefined>, now: number = Date.now()): number | undefined {
  const ms = first(headers['retry-after-ms']);
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const ra = first(headers['retry-after']);
  if (ra === undefined) return undefined;
  const t = ra.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.ceil(Number(t) * 1000);
  const date = Date.parse(t);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Sleep that ends early (returning false) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Hooks for tests and metrics. */
export interface RetryHooks {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<boolean>;
  random?: () => number;
  onRetry?: (attempt: number, delayMs: number, failure: Failure) => void;
}

/**
 * Run `attempt` until it succeeds, fails for good, or retries run out.
 * The failure returned carries the number of attempts made.
 * @example
 * const r = await withRetry(DEFAULT_RETRY, signal, () => post(body));
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  attempt: (n: number) => Promise<Result<T>>,
  hooks: RetryHooks = {},
): Promise<Result<T>> {
  for (let n = 1; ; n++) {
    const r = await attempt(n);
    if (r.ok) return r;
    const delay = retryDelay(policy, n, r.failure, hooks.random);
    if (delay === undefined) return { ok: false, failure: { ...r.failure, attempts: n } };
    hooks.onRetry?.(n, delay, r.failure);
    if (!(await (hooks.sleep ?? sleep)(delay, signal))) {
      return fail('cancelled', r.failure.provider, `cancelled while waiting to retry after: ${r.failure.message}`, { attempts: n });
    }
  }
}

/**
 * Retry a stream while it has yielded nothing: once a chunk went out,
 * a failure is passed on (the caller already holds partial output).
 */
export async function* retryStream<T>(
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  open: (n: number) => AsyncIterable<Result<T>>,
  hooks: RetryHooks = {},
): AsyncGenerator<Result<T>> {
  for (let n = 1; ; n++) {
    let yielded = false;
    let failure: Failure | undefined;
    for await (const item of open(n)) {
      if (!item.ok && !yielded) {
        failure = item.failure;
        break;
      }
      yielded = true;
      yield item;
      if (!item.ok) return;
    }
    if (!failure) return;
    const delay = retryDelay(policy, n, failure, hooks.random);
    if (delay === undefined) {
      yield { ok: false, failure: { ...failure, attempts: n } };
      return;
    }
    hooks.onRetry?.(n, delay, failure);
    if (!(await (hooks.sleep ?? sleep)(delay, signal))) {
      yield fail('cancelled', failure.provider, `cancelled while waiting to retry after: ${failure.message}`, { attempts: n });
      return;
    }
  }
}
