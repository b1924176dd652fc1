/** Per-route state computed once at start-up, so the request path only looks things up. */
import type { Deployment, FallbackReason, LoggingMode, RedactionMode } from '../../core/config/gateway.schema.js';
import type { ProviderAdapter, ResolvedPrice } from '../../providers/index.js';
import type { AnswerChecks } from '../upstream/answer-check.js';
import type { CircuitBreaker } from './breaker.js';

/** One deployment of one route, with its adapter and breaker. */
export interface DeploymentState {
  /** The target as written (`fake:test-model`, a manifest model name); labels metrics and ledger rows. */
  name: string;
  adapter: ProviderAdapter;
  /** The model name to send upstream; undefined leaves the client's body as it is. */
  upstreamModel: string | undefined;
  /** True when the adapter forwards bytes (`rawChat`); else chat/stream with mapping. */
  raw: boolean;
  timeoutMs: number | undefined;
  retries: number;
  breaker: CircuitBreaker;
  price: ResolvedPrice | undefined;
  written: Deployment;
}

/** A route's redaction policy, ready to apply. */
export interface RedactionPolicy {
  mode: RedactionMode;
  detectors: readonly string[] | undefined;
}

/** Everything the request path needs about one route. */
export interface RouteState {
  name: string;
  /** Attempt orders, one per primary deployment: that deployment, the other primaries, then the fallbacks. */
  orders: readonly (readonly DeploymentState[])[];
  /** Running sums of the primaries' weights, for the canary pick. */
  cumulative: readonly number[];
  totalWeight: number;
  shadow: { deployment: DeploymentState; fraction: number } | undefined;
  redaction: RedactionPolicy;
  logging: LoggingMode;
  fallbackOn: ReadonlySet<FallbackReason>;
  /** Answer checks implied by `fallback_on` (empty, refusal). */
  checks: AnswerChecks;
  /** Every deployment, primaries first (for metrics and shutdown). */
  all: readonly DeploymentState[];
}

/**
 * The attempt order for one request: the canary pick decides the first deployment.
 * @example attemptOrder(route, Math.random)[0].name
 */
export function attemptOrder(route: RouteState, random: () => number): readonly DeploymentState[] {
  const n = route.orders.length;
  if (n === 1) return route.orders[0] as readonly DeploymentState[];
  const r = random() * route.totalWeight;
  for (let i = 0; i < n; i++) if (r < (route.cumulative[i] as number)) return route.orders[i] as readonly DeploymentState[];
  return route.orders[n - 1] as readonly DeploymentState[];
}

/** Build the per-primary orders and cumulative weights from deployment states. */
export function buildOrders(primaries: readonly DeploymentState[], fallbacks: readonly DeploymentState[]): Pick<RouteState, 'orders' | 'cumulative' | 'totalWeight'> {
  const orders = primaries.map((p) => [p, ...primaries.filter((o) => o !== p), ...fallbacks]);
  const cumulative: number[] = [];
  let total = 0;
  for (const p of primaries) {
    total += p.written.weight ?? 1;
    cumulative.push(total);
  }
  return { orders, cumulative, totalWeight: total };
}
