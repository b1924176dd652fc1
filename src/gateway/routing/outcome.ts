/**
 * What one attempt against a deployment can end in, and how provider failure
 * kinds map onto the route's `fallback_on` reasons.
 */
import type { FallbackReason } from '../../core/config/gateway.schema.js';
import type { Failure, FailureKind } from '../../providers/index.js';

/**
 * Why an attempt did not produce an answer: a fallback reason, `client`
 * (the upstream rejected the request itself: forward its 4xx, trying others
 * would not help) or `cancelled` (the client left).
 */
export type AttemptReason = FallbackReason | 'client' | 'cancelled';

/** A failed attempt. */
export interface AttemptFailure {
  reason: AttemptReason;
  message: string;
  status?: number;
  retryAfterMs?: number;
  /** The upstream's error body, forwarded as is for `client` failures. */
  upstreamBody?: string;
}

/** The outcome of one attempt. */
export type AttemptResult<T> = { ok: true; value: T } | { ok: false; failure: AttemptFailure };

const BY_KIND: Record<FailureKind, AttemptReason> = {
  timeout: 'timeout',
  rate_limited: 'rate_limited',
  upstream_5xx: 'error',
  upstream_4xx: 'client',
  refused: 'refusal',
  bad_response: 'error',
  network: 'error',
  cancelled: 'cancelled',
};

/** Map a provider failure; 401/403/404 from an upstream are the gateway's credentials or config, so they count as errors. */
export function fromFailure(f: Failure): AttemptFailure {
  let reason = BY_KIND[f.kind];
  if (reason === 'client' && (f.status === 401 || f.status === 403 || f.status === 404 || f.status === undefined)) reason = 'error';
  const out: AttemptFailure = { reason, message: f.message };
  if (f.status !== undefined) out.status = f.status;
  if (f.retryAfterMs !== undefined) out.retryAfterMs = f.retryAfterMs;
  if (f.upstreamBody !== undefined) out.upstreamBody = f.upstreamBody;
  return out;
}

/** A failure from an exception while reading an upstream body. */
export function fromReadError(err: unknown, signal: AbortSignal): AttemptFailure {
  if (signal.aborted) return { reason: 'cancelled', message: 'the client closed the connection' };
  const e = err as { code?: string; name?: string; message?: string };
  if (e.name === 'TimeoutError' || e.code === 'UND_ERR_BODY_TIMEOUT' || e.code === 'UND_ERR_HEADERS_TIMEOUT') return { reason: 'timeout', message: 'upstream too slow while sending its answer' };
  if (e.name === 'AbortError' || e.code === 'UND_ERR_ABORTED') return { reason: 'timeout', message: 'upstream answer exceeded its deadline' };
  return { reason: 'error', message: `upstream connection failed: ${e.message ?? String(err)}` };
}

/** Reasons that are worth retrying on the same deployment. */
export function retryable(reason: AttemptReason): boolean {
  return reason === 'error' || reason === 'timeout' || reason === 'rate_limited';
}

/** Reasons that count against a deployment's circuit breaker. */
export function breakerCounts(reason: AttemptReason): boolean {
  return reason === 'error' || reason === 'timeout';
}
