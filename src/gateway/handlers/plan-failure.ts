/** What a handler makes of a plan's end: the facts it records, and what the client gets when no deployment answered. */
import type { RequestFacts } from '../core.js';
import { ApiError } from '../errors.js';
import { ClientGoneError } from '../http/read-body.js';
import type { PlanFailure, PlanSuccess } from '../routing/run-plan.js';
import { exhaustedError } from '../routing/run-plan.js';
import type { RouteState } from '../routing/route-state.js';

/** Record the plan's path and deployment in the request's facts; the answer, or throw the failure's error. */
export function planAnswer<T>(route: RouteState, plan: PlanSuccess<T> | PlanFailure, facts: RequestFacts): PlanSuccess<T> {
  facts.fallbackPath = plan.path;
  facts.deployment = plan.deployment?.name;
  if (!plan.ok) throw planError(route, plan);
  facts.fellBack = plan.fellBack;
  return plan;
}

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
