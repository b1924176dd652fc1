/** What the gateway is built from: config, access services, upstreams, a clock and a logger. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../core/config/config.schema.js';
import type { ProviderAdapter } from '../providers/index.js';
import type { KeyService, Ledger, LimitService } from './access-types.js';

/** The access services the request path calls (see access-types.ts). */
export interface GatewayAccess {
  keys: KeyService;
  limits: LimitService;
  ledger: Ledger;
}

/** Time source; tests pin it. `now()` is milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** Structured log lines. Fields never hold raw request text unless a route's logging policy says `redacted`. */
export interface GatewayLogger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** A shadow candidate's answer, kept for comparison with what the client got. */
export interface ShadowRecord {
  requestId: string;
  ts: string;
  route: string;
  deployment: string;
  ok: boolean;
  status: number;
  latencyMs: number;
  /** The candidate's answer body (redacted as the request was), or the failure message. */
  body: string;
}

/** Where shadow answers go. */
export interface ShadowSink {
  record(row: ShadowRecord): void;
  close(): Promise<void>;
}

/** Options of createGateway. */
export interface GatewayOptions {
  config: Config;
  access: GatewayAccess;
  /**
   * Upstream adapters by deployment target (`fake:test-model`, a manifest model name).
   * Targets without an entry are created from `config.providers` and `models:`.
   */
  providers?: Readonly<Record<string, ProviderAdapter>>;
  clock?: Clock;
  logger?: GatewayLogger;
  /** Folder manifest sources resolve against (default: the current directory). */
  projectDir?: string;
  /** Where the admin key and provider keys are read from (default process.env, read at creation). */
  env?: Readonly<Record<string, string | undefined>>;
  shadowSink?: ShadowSink;
  /** Random source for canary weights and shadow sampling (tests pin it). */
  random?: () => number;
  /** Upper bound of one retry backoff, ms (default 2,000). */
  maxBackoffMs?: number;
  /** Cache path of a hub blob, for locked `hf:` GGUF models run locally. */
  blobPath?: (sha256: string) => string;
  /** Config file named in errors. */
  configFile?: string;
  /** Handler for paths outside `/v1` that no gateway route owns (`modelgate serve` mounts the dashboard here). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A logger that drops everything. */
export const silentLogger: GatewayLogger = { info() {}, warn() {}, error() {} };

/** JSON lines on stderr: one object per event. */
export function jsonLogger(write: (line: string) => void = (l) => void process.stderr.write(l)): GatewayLogger {
  const emit = (level: string) => (event: string, fields?: Record<string, unknown>) => write(`${JSON.stringify({ ts: new Date().toISOString(), level, event, ...fields })}\n`);
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}
