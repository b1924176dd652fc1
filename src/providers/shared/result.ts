/** Small constructors for `Result` and `Failure`, so adapters read as data. */
import type { Failure, FailureKind, Result } from '../types.js';

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result of `kind`, with optional details (status, retry hint, partial output). */
export function fail<T = never>(kind: FailureKind, provider: string, message: string, extra: Partial<Failure> = {}): Result<T> {
  return { ok: false, failure: { kind, provider, message, ...extra } };
}

/** The failure kind for an HTTP status: 429 rate limit, 408 timeout, 5xx (and 529 overloaded) upstream, other 4xx client errors. */
export function kindForStatus(status: number): FailureKind {
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'upstream_5xx';
  return 'upstream_4xx';
}
