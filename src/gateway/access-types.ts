/**
 * Contracts between the gateway's request path and its access services:
 * API keys, rate and budget limits, and the cost ledger. The request path
 * depends only on these interfaces; SQLite, PostgreSQL and Redis
 * implementations live in `src/gateway/access/`.
 */

/** An API key as stored (the secret itself is never stored, only its hash). */
export interface ApiKeyRecord {
  id: string;
  name?: string;
  /** First characters of the key, for display (`mg_live_3f9a…`). */
  prefix: string;
  /** Routes the key may use; `['*']` for all. */
  routes: string[];
  /** Spend limit in USD over the key's life (or per period, if `budgetPeriod`). */
  budgetUsd?: number;
  budgetPeriod?: 'total' | 'day' | 'month';
  /** Requests and tokens per minute. */
  rpm?: number;
  tpm?: number;
  admin: boolean;
  createdAt: string;
  expiresAt?: string;
  revokedAt?: string;
}

/** What `modelgate keys create` asks for. */
export interface ApiKeySpec {
  name?: string;
  routes: string[];
  budgetUsd?: number;
  budgetPeriod?: 'total' | 'day' | 'month';
  rpm?: number;
  tpm?: number;
  admin?: boolean;
  expiresAt?: string;
}

/** Create, list, revoke and authenticate API keys. */
export interface KeyService {
  /** The full key is returned once and never again. */
  create(spec: ApiKeySpec): Promise<{ key: string; record: ApiKeyRecord }>;
  list(): Promise<ApiKeyRecord[]>;
  /** Revoke by id or by prefix; false when nothing matched. */
  revoke(idOrPrefix: string): Promise<boolean>;
  /** The record of a valid, unexpired, unrevoked key; undefined otherwise. Compares in constant time. */
  authenticate(presented: string): Promise<ApiKeyRecord | undefined>;
}

/** The outcome of asking to start a request under a key's limits. */
export type Admission =
  | {
      ok: true;
      /** Report what the request really used, releasing any reservation. */
      settle(actual: { tokens: number; costUsd: number }): Promise<void>;
    }
  | { ok: false; reason: 'rpm' | 'tpm' | 'budget'; retryAfterSec: number; message: string };

/** Rate limits and budgets per key; shared across replicas when backed by Redis. */
export interface LimitService {
  admit(key: ApiKeyRecord, estimate: { tokens: number; costUsd: number }): Promise<Admission>;
  close(): Promise<void>;
}

/** One request in the ledger. Never holds prompt or response text, nor a raw secret. */
export interface LedgerRow {
  requestId: string;
  ts: string;
  keyId: string | undefined;
  route: string;
  /** The deployment that answered (or the last one tried). */
  deployment: string | undefined;
  model: string | undefined;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  latencyMs: number;
  /** HTTP status sent to the client. */
  status: number;
  outcome: 'ok' | 'fallback' | 'error' | 'blocked' | 'rejected';
  /** Deployments tried, in order, with why each failed (`"a:timeout>b:ok"`). */
  fallbackPath: string;
  stream: boolean;
  /** Copy of the request sent to a shadow candidate (its answer is stored elsewhere). */
  shadow?: string;
}

/** Spend grouped by key, route or model. */
export interface SpendRow {
  group: string;
  requests: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/** The cost ledger: batched, durable once a response completed. */
export interface Ledger {
  /** Record a finished request; resolves once the row is durable (survives SIGKILL of the process). */
  record(row: LedgerRow): Promise<void>;
  flush(): Promise<void>;
  spend(query: { by: 'key' | 'route' | 'model'; since?: string }): Promise<SpendRow[]>;
  close(): Promise<void>;
}
