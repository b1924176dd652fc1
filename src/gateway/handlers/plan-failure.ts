/** What the client gets when no deployment answered. */
import { ApiError } from '../errors.js';
import { ClientGoneError } from '../http/read-body.js';
import type { PlanFailure } from '../routing/run-plan.js';
import { exhaustedError } from '../routing/run-plan.js';
import type { RouteState } from '../routing/route-state.js';

/** The error to throw for a failed plan: the upstream's own 4xx, a 429, or 502/504 naming every reason. */
export function planError(route: RouteState, plan: PlanFailure): Error {
  const f = plan.failure;
  if (f.reason === 'cancelled') return new ClientGoneError();
  if (f.reason === 'client') {
    const detail = upstreamMessage(f.upstreamBody) ?? f.message;
    return new ApiError(f.status ?? 400, 'invalid_request_error', 'upstream_rejected', `The upstream rejected the request: ${detail}`);
  }
  if (f.reason === 'rate_limited' && !route.fallbackOn.has('rate_limited')) {
    const headers = f.retryAfterMs ? { 'retry-after': String(Math.ceil(f.retryAfterMs / 1000)) } : undefined;
    return new ApiError(429, 'rate_limit_error', 'upstream_rate_limited', `The upstream is rate limiting: ${f.message}`, null, headers);
  }
  return exhaustedError(plan);
}

/** The message inside an upstream's OpenAI-style error body, when there is one. */
function upstreamMessage(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const e = (JSON.parse(text) as { error?: { message?: unknown } }).error;
    return typeof e?.message === 'string' ? e.message.slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}
