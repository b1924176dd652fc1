/**
 * Walk a route's attempt order: skip deployments whose breaker is open,
 * retry retryable failures with backoff, move on for the route's
 * `fallback_on` reasons, and stop at the first answer. The attempt itself
 * (raw bytes, a parsed call, a stream probe) is the caller's function.
 */
import { ApiError } from '../errors.js';
import type { AttemptFailure, AttemptResult } from './outcome.js';
import { breakerCounts, retryable } from './outcome.js';
import { backoffMs, sleep } from './backoff.js';
import type { DeploymentState, RouteState } from './route-state.js';

/** What runPlan needs besides the route. */
export interface PlanContext {
  signal: AbortSignal;
  random: () => number;
  maxBackoffMs: number;
  /** Called for each attempt's end, for metrics. */
  onAttempt?: (d: DeploymentState, result: 'ok' | AttemptFailure['reason']) => void;
}

/** The answer and how it was reached. */
export interface PlanSuccess<T> {
  ok: true;
  value: T;
  deployment: DeploymentState;
  /** `a:timeout>a:error>b:ok` */
  path: string;
  fellBack: boolean;
}

/** No answer: the last failure, the deployment it came from, and the path. */
export interface PlanFailure {
  ok: false;
  failure: AttemptFailure;
  deployment: DeploymentState | undefined;
  path: string;
  /** Every failure, for the 502/504 message. */
  reasons: string[];
}

/** The attempt function: one call to one deployment. */
export type Attempt<T> = (d: DeploymentState, signal: AbortSignal) => Promise<AttemptResult<T>>;

/** Run the plan; returns the first answer, or why there is none. */
export async function runPlan<T>(route: RouteState, order: readonly DeploymentState[], attempt: Attempt<T>, ctx: PlanContext): Promise<PlanSuccess<T> | PlanFailure> {
  let path = '';
  const reasons: string[] = [];
  let last: AttemptFailure | undefined;
  let lastDeployment: DeploymentState | undefined;
  for (const d of order) {
    if (!d.breaker.tryAcquire()) {
      path += `${d.name}:circuit_open>`;
      reasons.push(`${d.name}: circuit open`);
      continue;
    }
    for (let retry = 0; ; retry++) {
      const r = await attempt(d, ctx.signal);
      ctx.onAttempt?.(d, r.ok ? 'ok' : r.failure.reason);
      if (r.ok) {
        d.breaker.success();
        return { ok: true, value: r.value, deployment: d, path: path + d.name + ':ok', fellBack: path.length > 0 };
      }
      const f = r.failure;
      last = f;
      lastDeployment = d;
      path += `${d.name}:${f.reason}>`;
      reasons.push(`${d.name}: ${f.message}`);
      if (breakerCounts(f.reason)) d.breaker.failure();
      else d.breaker.release();
      if (f.reason === 'cancelled' || f.reason === 'client' || !route.fallbackOn.has(f.reason)) {
        return { ok: false, failure: f, deployment: d, path: path.slice(0, -1), reasons };
      }
      if (retry >= d.retries || !retryable(f.reason) || !d.breaker.tryAcquire()) break;
      if (!(await sleep(backoffMs(retry, f.retryAfterMs, ctx.random, ctx.maxBackoffMs), ctx.signal))) {
        d.breaker.release();
        return { ok: false, failure: { reason: 'cancelled', message: 'the client closed the connection' }, deployment: d, path: path.slice(0, -1), reasons };
      }
    }
  }
  return { ok: false, failure: last ?? { reason: 'error', message: 'no deployment available' }, deployment: lastDeployment, path: path.slice(0, -1), reasons };
}

/** The client-facing error when every deployment failed: 504 when all timed out, else 502, naming each reason. */
export function exhaustedError(f: PlanFailure): ApiError {
  const allTimeouts = f.reasons.length > 0 && f.path.split('>').every((p) => p.endsWith(':timeout'));
  const detail = f.reasons.slice(-8).join('; ');
  if (allTimeouts) return new ApiError(504, 'timeout_error', 'upstream_timeout', `Every deployment timed out: ${detail}`);
  return new ApiError(502, 'api_error', 'upstream_error', `Every deployment failed: ${detail}`);
}
