/**
 * From the `gateway:` section to route states: check the targets, resolve
 * each distinct target once (manifest names and provider refs, the same way
 * the eval harness does) to one adapter shared by the routes that name it,
 * and precompute attempt orders, breakers, prices and answer checks.
 */
import { join } from 'node:path';
import { readLock } from '../../artifacts/index.js';
import type { Config } from '../../core/config/config.schema.js';
import { gatewayTargetsDeclared, type Deployment, type Route } from '../../core/config/gateway.schema.js';
import { ConfigError } from '../../core/errors.js';
import { resolveModels, type ModelTarget } from '../../eval/index.js';
import { createProvider, hasRawChat, lookupPrice, type ProviderAdapter } from '../../providers/index.js';
import type { Clock } from '../types.js';
import { CircuitBreaker } from './breaker.js';
import { buildOrders, type DeploymentState, type RouteState } from './route-state.js';

/** What building needs besides the config. */
export interface BuildRoutesOptions {
  providers?: Readonly<Record<string, ProviderAdapter>>;
  env: Readonly<Record<string, string | undefined>>;
  projectDir: string;
  clock: Clock;
  blobPath?: (sha256: string) => string;
  configFile?: string;
}

/** The routes and every adapter created for them (closed at shutdown). */
export interface BuiltRoutes {
  routes: Map<string, RouteState>;
  adapters: ProviderAdapter[];
}

interface Upstream {
  adapter: ProviderAdapter;
  upstreamModel: string | undefined;
  pricing: ModelTarget['config']['pricing'];
}

function targetsOf(route: Route): string[] {
  return [...route.deployments, ...route.fallbacks, ...(route.shadow ? [route.shadow] : [])].map((d) => d.model);
}

async function resolveUpstreams(config: Config, o: BuildRoutesOptions): Promise<{ upstreams: Map<string, Upstream>; created: ProviderAdapter[] }> {
  const upstreams = new Map<string, Upstream>();
  const all = [...new Set(Object.values(config.gateway?.routes ?? {}).flatMap(targetsOf))];
  for (const t of all) {
    const given = o.providers?.[t];
    if (!given) continue;
    const at = t.indexOf(':');
    upstreams.set(t, { adapter: given, upstreamModel: at > 0 ? t.slice(at + 1) : config.models[t]?.model, pricing: undefined });
  }
  const missing = all.filter((t) => !upstreams.has(t));
  if (missing.length === 0) return { upstreams, created: [] };
  const lock = await readLock(join(o.projectDir, 'modelgate.lock'));
  const ctx = { config, projectDir: o.projectDir, suiteDir: o.projectDir, env: o.env, ...(lock ? { lock } : {}), ...(o.blobPath ? { blobPath: o.blobPath } : {}) };
  const targets = await resolveModels(missing.map((ref) => ({ ref, label: ref, where: 'gateway.routes' })), ctx, o.configFile ?? 'modelgate.yaml');
  const created: ProviderAdapter[] = [];
  for (const target of targets) {
    const adapter = createProvider(target.config, { id: target.providerId, env: o.env, ...(o.configFile ? { file: o.configFile } : {}) });
    created.push(adapter);
    upstreams.set(target.label, { adapter, upstreamModel: target.config.type === 'local' ? undefined : target.config.model, pricing: target.config.pricing });
  }
  return { upstreams, created };
}

function deploymentState(d: Deployment, u: Upstream, route: Route, clock: Clock): DeploymentState {
  const model = u.upstreamModel ?? d.model;
  return {
    name: d.model,
    adapter: u.adapter,
    upstreamModel: u.upstreamModel,
    raw: hasRawChat(u.adapter),
    timeoutMs: d.timeout_ms,
    retries: d.retries ?? 0,
    breaker: new CircuitBreaker(route.circuit_breaker.failures, route.circuit_breaker.cooldown_ms, clock),
    price: lookupPrice(model, u.pricing ? { config: u.pricing } : {}),
    written: d,
  };
}

/**
 * Build every route; config problems (undeclared targets) are a ConfigError listing each.
 * @example const { routes } = await buildRoutes(config, { env: process.env, projectDir: '.', clock: systemClock });
 */
export async function buildRoutes(config: Config, o: BuildRoutesOptions): Promise<BuiltRoutes> {
  const issues: { path: (string | number)[]; message: string }[] = [];
  gatewayTargetsDeclared(config, issues);
  if (issues.length > 0) throw new ConfigError('MG_CONFIG_INVALID', o.configFile ?? 'modelgate.yaml', `${issues.length} problem(s)\n${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}`);
  const { upstreams, created } = await resolveUpstreams(config, o);
  const routes = new Map<string, RouteState>();
  for (const [name, r] of Object.entries(config.gateway?.routes ?? {})) {
    const state = (d: Deployment) => deploymentState(d, upstreams.get(d.model) as Upstream, r, o.clock);
    // Weight-0 deployments never go first but stay in the order, after the weighted ones.
    const primaries = r.deployments.map(state);
    const fallbacks = r.fallbacks.map(state);
    const fallbackOn = new Set(r.fallback_on);
    routes.set(name, {
      name,
      ...buildOrders(primaries, fallbacks),
      shadow: r.shadow ? { deployment: state({ model: r.shadow.model }), fraction: r.shadow.percent / 100 } : undefined,
      redaction: { mode: r.redaction.mode, detectors: r.redaction.detectors },
      logging: r.logging,
      fallbackOn,
      checks: { empty: fallbackOn.has('empty'), refusal: fallbackOn.has('refusal') },
      all: [...primaries, ...fallbacks],
    });
  }
  return { routes, adapters: created };
}
