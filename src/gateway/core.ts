/** The gateway's shared state: what every handler reads, built once by createGateway. */
import type { ApiKeyRecord, Admission, LedgerRow } from './access-types.js';
import type { GatewayMetrics } from './observability/metrics.js';
import type { RouteState } from './routing/route-state.js';
import type { ShadowRunner } from './routing/shadow.js';
import type { Clock, GatewayAccess, GatewayLogger } from './types.js';

/** Everything the request path needs, precomputed. */
export interface GatewayCore {
  routes: ReadonlyMap<string, RouteState>;
  access: GatewayAccess;
  clock: Clock;
  logger: GatewayLogger;
  metrics: GatewayMetrics;
  random: () => number;
  maxBackoffMs: number;
  bodyLimit: number;
  bodyTimeoutMs: number;
  /** sha256 of the admin key, when one is configured. */
  adminKeyHash: Buffer | undefined;
  adminRecord: ApiKeyRecord;
  shadow: ShadowRunner;
  draining: boolean;
}

/** Per-request facts gathered on the way, which become the ledger row, metrics and the log line. */
export interface RequestFacts {
  requestId: string;
  startedAt: number;
  route: string;
  key: ApiKeyRecord | undefined;
  deployment: string | undefined;
  model: string | undefined;
  fallbackPath: string;
  stream: boolean;
  shadow: string | undefined;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  fellBack: boolean;
  admission: Extract<Admission, { ok: true }> | undefined;
  /** Redacted request body for routes that log bodies. */
  logBody: unknown;
  logAnswer: string | undefined;
  detectors: string[];
  /** Set by a handler when the outcome is not decided by the status alone (a stream that broke). */
  outcome: LedgerRow['outcome'] | undefined;
}

/** Fresh facts for a request. */
export function newFacts(requestId: string, startedAt: number): RequestFacts {
  return {
    requestId,
    startedAt,
    route: '',
    key: undefined,
    deployment: undefined,
    model: undefined,
    fallbackPath: '',
    stream: false,
    shadow: undefined,
    promptTokens: 0,
    completionTokens: 0,
    costUsd: 0,
    fellBack: false,
    admission: undefined,
    logBody: undefined,
    logAnswer: undefined,
    detectors: [],
    outcome: undefined,
  };
}
