/**
 * createGateway: build the routes and the node:http server from a config,
 * without listening (only `modelgate serve` listens). `close()` drains:
 * stop accepting, let in-flight requests finish, wait for shadow copies
 * and ledger writes, flush the ledger, release upstream connections.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiKeyRecord } from './access-types.js';
import type { GatewayCore } from './core.js';
import { keyHash } from './handlers/auth.js';
import { createListener } from './http/router.js';
import { GatewayMetrics } from './observability/metrics.js';
import { buildRoutes } from './routing/build-routes.js';
import type { RouteState } from './routing/route-state.js';
import { ShadowRunner } from './routing/shadow.js';
import { silentLogger, systemClock, type GatewayOptions } from './types.js';

/** A built gateway. */
export interface Gateway {
  /** The node:http server (not listening). */
  readonly server: Server;
  /** The request listener, for embedding in another server. */
  readonly listener: RequestListener;
  readonly routes: ReadonlyMap<string, RouteState>;
  readonly metrics: GatewayMetrics;
  /** Listen on `port` (0 for any) and `host`; resolves with the bound address. */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Drain and stop; in-flight requests get `graceMs` to finish (default 10 s). */
  close(graceMs?: number): Promise<void>;
}

const BREAKER_GAUGE = { closed: 0, open: 1, 'half-open': 2 } as const;

function adminRecord(now: number): ApiKeyRecord {
  return { id: 'admin', name: 'admin key (admin_key_env)', prefix: 'admin', routes: ['*'], admin: true, createdAt: new Date(now).toISOString() };
}

/**
 * Build a gateway.
 * @example
 * const gw = await createGateway({ config, access });
 * await gw.listen(4000, '127.0.0.1');
 */
export async function createGateway(o: GatewayOptions): Promise<Gateway> {
  const clock = o.clock ?? systemClock;
  const logger = o.logger ?? silentLogger;
  const env = o.env ?? process.env;
  const random = o.random ?? Math.random;
  const server_ = o.config.gateway?.server;
  const { routes, adapters } = await buildRoutes(o.config, { providers: o.providers, env, projectDir: o.projectDir ?? process.cwd(), clock, ...(o.blobPath ? { blobPath: o.blobPath } : {}), ...(o.configFile ? { configFile: o.configFile } : {}) });
  const breakers = () => [...routes.values()].flatMap((r) => r.all.map((d) => ({ route: r.name, deployment: d.name, state: BREAKER_GAUGE[d.breaker.state] })));
  const metrics = new GatewayMetrics(breakers);
  const adminKey = server_?.admin_key_env ? env[server_.admin_key_env] : undefined;
  if (server_?.admin_key_env && !adminKey) logger.warn('admin key not set', { variable: server_.admin_key_env });
  const core: GatewayCore = {
    routes,
    access: o.access,
    clock,
    logger,
    metrics,
    random,
    maxBackoffMs: o.maxBackoffMs ?? 2_000,
    bodyLimit: server_?.body_limit_bytes ?? 4 * 1024 * 1024,
    bodyTimeoutMs: server_?.request_timeout_ms ?? 30_000,
    adminKeyHash: adminKey ? keyHash(adminKey) : undefined,
    adminRecord: adminRecord(clock.now()),
    shadow: new ShadowRunner(o.shadowSink, { metrics, clock, logger, random }),
    draining: false,
  };
  const inner = createListener(core, o.fallback);
  const listener: RequestListener = (req, res) => {
    // A request arrived: the idle timer set at connection must not cut a long answer short.
    req.socket.setTimeout(0);
    inner(req, res);
  };
  const server = createHttpServer(core.bodyTimeoutMs, listener);
  server.maxConnections = server_?.max_connections ?? 4096;
  return {
    server,
    listener,
    routes,
    metrics,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      }),
    close: (graceMs = 10_000) => drain(core, server, adapters, graceMs),
  };
}

/**
 * node:http with the timeouts that bound hostile clients: the whole request within
 * `requestTimeoutMs` (plus a margin, so the body reader's 408 goes first), headers within 15 s,
 * idle keep-alive sockets closed after 5 s. Node only starts those clocks at a request's first
 * byte, so a connection that never sends one is closed by its socket timeout instead.
 */
function createHttpServer(requestTimeoutMs: number, listener: RequestListener): Server {
  const requestTimeout = requestTimeoutMs + 1_000;
  const headersTimeout = Math.min(requestTimeout, 15_000);
  const server = createServer({ requestTimeout, headersTimeout, keepAliveTimeout: 5_000, connectionsCheckingInterval: Math.min(1_000, requestTimeout) }, listener);
  server.on('connection', (socket) => socket.setTimeout(headersTimeout));
  return server;
}

async function drain(core: GatewayCore, server: Server, adapters: { close(): Promise<void> }[], graceMs: number): Promise<void> {
  core.draining = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = Date.now() + graceMs;
  while (core.metrics.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  server.closeAllConnections();
  await closed;
  await core.shadow.drain();
  // Every row queued so far, written: the ledger's flush waits for its queue and the batch in flight.
  await core.access.ledger.flush();
  await Promise.allSettled(adapters.map((a) => a.close()));
}
