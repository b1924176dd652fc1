/**
 * The dashboard's JSON API: a table from `METHOD /path/:param` patterns to handlers.
 * Every route requires the admin (checked by the caller, see create-dashboard.ts).
 */
import type { IncomingMessage } from 'node:http';
import { keyStatus, parseExpiry, parseSince } from '../../gateway/access/index.js';
import type { ApiKeySpec, KeyService, Ledger } from '../../gateway/index.js';
import type { Store } from '../../store/index.js';
import { listModels, modelDetail, type ProjectFiles } from './data/models.js';
import { compareRuns, listRunItems, resultPage, suitePoints } from './data/runs.js';
import { traffic, type TrafficBy } from './data/traffic.js';
import { HttpError, intParam, readJson } from './http.js';

/** What handlers can reach. */
export interface ApiContext {
  files: ProjectFiles;
  store: Store;
  access: { keys: KeyService; ledger: Ledger };
  now: () => number;
}

/** One API call: its path parameters, query and request. */
export interface ApiCall {
  params: string[];
  query: URLSearchParams;
  req: IncomingMessage;
}

type Handler = (ctx: ApiContext, call: ApiCall) => Promise<{ status?: number; body: unknown }>;

const p = (call: ApiCall, i: number): string => call.params[i] ?? '';

async function runOr404(ctx: ApiContext, id: string) {
  const run = await ctx.store.getRun(id);
  if (!run) throw new HttpError(404, `no run ${id}`);
  return run;
}

function keySpec(body: unknown, nowMs: number): ApiKeySpec {
  if (!body || typeof body !== 'object') throw new HttpError(400, 'expected a JSON object');
  const b = body as Record<string, unknown>;
  const routes = Array.isArray(b['routes']) ? b['routes'].filter((r): r is string => typeof r === 'string' && r.length > 0) : [];
  const num = (k: string): number | undefined => {
    const v = b[k];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new HttpError(400, `${k} must be a non-negative number`);
    return v;
  };
  const period = b['budgetPeriod'];
  if (period !== undefined && period !== 'total' && period !== 'day' && period !== 'month') throw new HttpError(400, 'budgetPeriod must be total, day or month');
  const spec: ApiKeySpec = { routes: routes.length > 0 ? routes : ['*'] };
  if (typeof b['name'] === 'string' && b['name'].trim()) spec.name = b['name'].trim().slice(0, 100);
  const budget = num('budgetUsd');
  if (budget !== undefined) spec.budgetUsd = budget;
  if (period !== undefined) spec.budgetPeriod = period;
  const rpm = num('rpm');
  if (rpm !== undefined) spec.rpm = Math.floor(rpm);
  const tpm = num('tpm');
  if (tpm !== undefined) spec.tpm = Math.floor(tpm);
  if (typeof b['expires'] === 'string' && b['expires']) spec.expiresAt = guard(() => parseExpiry(b['expires'] as string, nowMs));
  return spec;
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new HttpError(400, (e as Error).message);
  }
}

/** The routes. Patterns use `:x` for one path segment. */
export const API_ROUTES: Record<string, Handler> = {
  'GET /api/models': async (ctx) => ({ body: { models: await listModels(ctx.files, ctx.store) } }),
  'GET /api/models/:name': async (ctx, call) => {
    const detail = await modelDetail(ctx.files, ctx.store, p(call, 0));
    if (!detail) throw new HttpError(404, `no model ${p(call, 0)}`);
    return { body: detail };
  },
  'GET /api/runs': async (ctx) => ({ body: { runs: await listRunItems(ctx.store) } }),
  'GET /api/suites': async (ctx) => ({ body: { suites: await suitePoints(ctx.store) } }),
  'GET /api/runs/:id': async (ctx, call) => ({ body: await runOr404(ctx, p(call, 0)) }),
  'GET /api/runs/:id/results': async (ctx, call) => {
    await runOr404(ctx, p(call, 0));
    const c = call.query.get('case');
    const caseIndex = c === null || c === '' ? undefined : intParam(call.query, 'case', 0);
    return { body: await resultPage(ctx.store, p(call, 0), intParam(call.query, 'page', 0, 100_000), caseIndex, call.query.get('failed') === '1') };
  },
  'GET /api/runs/:a/compare/:b': async (ctx, call) => {
    const [a, b] = await Promise.all([runOr404(ctx, p(call, 0)), runOr404(ctx, p(call, 1))]);
    return { body: { a, b, ...(await compareRuns(ctx.store, a.id, b.id)) } };
  },
  'GET /api/traffic': async (ctx, call) => {
    const by = (call.query.get('by') ?? 'model') as TrafficBy;
    if (by !== 'key' && by !== 'route' && by !== 'model') throw new HttpError(400, 'by must be key, route or model');
    const now = ctx.now();
    const sinceMs = guard(() => parseSince(call.query.get('since') || '7d', now, 'since'));
    await ctx.access.ledger.flush();
    const t = await traffic(ctx.store, by, sinceMs, now);
    if (by === 'key') {
      const names = new Map((await ctx.access.keys.list()).map((k) => [k.id, k.name ? `${k.name} (${k.prefix}…)` : `${k.prefix}…`]));
      return { body: { ...t, labels: Object.fromEntries(t.groups.map((g) => [g, names.get(g) ?? g])) } };
    }
    return { body: { ...t, labels: {} } };
  },
  'GET /api/keys': async (ctx) => {
    const now = ctx.now();
    const keys = await ctx.access.keys.list();
    return { body: { keys: keys.map((k) => ({ ...k, status: keyStatus(k, now) })) } };
  },
  'POST /api/keys': async (ctx, call) => {
    const spec = keySpec(await readJson(call.req), ctx.now());
    const { key, record } = await ctx.access.keys.create(spec);
    return { status: 201, body: { key, record } };
  },
  'DELETE /api/keys/:id': async (ctx, call) => {
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(p(call, 0))) throw new HttpError(400, 'bad key id');
    const keys = await ctx.access.keys.list();
    // revoke by exact id only: the dashboard never revokes by a prefix that might match another key
    if (!keys.some((k) => k.id === p(call, 0))) throw new HttpError(404, `no key ${p(call, 0)}`);
    await ctx.access.keys.revoke(p(call, 0));
    return { body: { revoked: p(call, 0) } };
  },
};

interface Compiled {
  method: string;
  parts: string[];
  handler: Handler;
}

const COMPILED: Compiled[] = Object.entries(API_ROUTES).map(([pattern, handler]) => {
  const [method = '', path = ''] = pattern.split(' ');
  return { method, parts: path.split('/'), handler };
});

/** Find the handler and path parameters for a request; `405` when the path exists with another method. */
export function matchApi(method: string, path: string): { handler: Handler; params: string[] } | 'not-found' | 'method' {
  const segs = path.split('/');
  let pathSeen = false;
  for (const c of COMPILED) {
    if (c.parts.length !== segs.length) continue;
    const params: string[] = [];
    let ok = true;
    for (let i = 0; i < segs.length && ok; i++) {
      const want = c.parts[i] ?? '';
      const got = segs[i] ?? '';
      if (want.startsWith(':')) {
        if (got === '') ok = false;
        else params.push(safeDecode(got));
      } else ok = want === got;
    }
    if (!ok) continue;
    if (c.method === method) return { handler: c.handler, params };
    pathSeen = true;
  }
  return pathSeen ? 'method' : 'not-found';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new HttpError(400, 'bad path encoding');
  }
}
