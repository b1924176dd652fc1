/**
 * createDashboard: the dashboard as one node:http request handler — the built app at `/`
 * and the JSON API under `/api/`, every API route behind the admin key.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyService, Ledger } from '../../gateway/index.js';
import type { Store } from '../../store/index.js';
import { matchApi, type ApiContext } from './api.js';
import { DashboardAuth } from './auth.js';
import { projectFiles } from './data/models.js';
import { HttpError, readJson, sendBytes, sendJson } from './http.js';
import { loadStatic } from './static.js';

/** Options of createDashboard. */
export interface DashboardOptions {
  /** The project's folder (holding modelgate.lock and .modelgate/). */
  projectDir: string;
  store: Store;
  access: { keys: KeyService; ledger: Ledger };
  /** An admin key accepted as is; stored keys with `admin` are accepted too. */
  adminKey?: string | undefined;
  /** Folder of the built app (default: `dist/web`). */
  webRoot?: string;
  now?: () => number;
  /** Called with unexpected errors (default: ignored; the client gets a 500). */
  onError?: (e: unknown) => void;
}

/** The dashboard's request handler; it answers every request it is given. */
export type DashboardHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Build the dashboard handler.
 * @example
 * const handle = await createDashboard({ projectDir, store, access, adminKey });
 * createServer((req, res) => void handle(req, res)).listen(4100);
 */
export async function createDashboard(o: DashboardOptions): Promise<DashboardHandler> {
  const files = await loadStatic(o.webRoot);
  const now = o.now ?? Date.now;
  const auth = new DashboardAuth({ adminKey: o.adminKey, keys: o.access.keys, now });
  const ctx: ApiContext = { files: projectFiles(o.projectDir), store: o.store, access: o.access, now };
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://dashboard');
    const method = req.method ?? 'GET';
    try {
      if (!url.pathname.startsWith('/api/')) return serveFile(files.get(url.pathname === '/index.html' ? '/' : url.pathname), method, res);
      if (url.pathname === '/api/login' && method === 'POST') return await login(auth, req, res);
      if (url.pathname === '/api/logout' && method === 'POST') return sendJson(res, 200, { ok: true }, { 'set-cookie': auth.closeSession(req) });
      if (!(await auth.check(req))) return sendJson(res, 401, { error: 'admin key required' }, { 'www-authenticate': 'Bearer' });
      const match = matchApi(method, url.pathname);
      if (match === 'not-found') throw new HttpError(404, `no API route ${url.pathname}`);
      if (match === 'method') throw new HttpError(405, `${method} is not allowed on ${url.pathname}`);
      const out = await match.handler(ctx, { params: match.params, query: url.searchParams, req });
      sendJson(res, out.status ?? 200, out.body);
    } catch (e) {
      if (e instanceof HttpError) return sendJson(res, e.status, { error: e.message });
      o.onError?.(e);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    }
  };
}

function serveFile(file: ReturnType<Awaited<ReturnType<typeof loadStatic>>['get']>, method: string, res: ServerResponse): void {
  if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' });
  if (!file) return sendJson(res, 404, { error: 'not found' });
  sendBytes(res, 200, file.body, file.type, file.immutable ? 'public, max-age=31536000, immutable' : 'no-store');
}

async function login(auth: DashboardAuth, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req, 4096);
  const key = body && typeof body === 'object' ? (body as Record<string, unknown>)['key'] : undefined;
  if (typeof key !== 'string' || !(await auth.isAdminKey(key))) return sendJson(res, 401, { error: 'not an admin key' });
  sendJson(res, 200, { ok: true }, { 'set-cookie': auth.openSession() });
}
