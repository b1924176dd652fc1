/**
 * The request listener: an exact-match table from `METHOD path` to a
 * handler (no pattern matching on the hot path), plus health, readiness
 * and metrics endpoints.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayCore } from '../core.js';
import { ApiError } from '../errors.js';
import { handleChat } from '../handlers/chat.js';
import { handleEmbeddings } from '../handlers/embeddings.js';
import { handleModels } from '../handlers/models.js';
import { renderError, runApi, runPlain } from './boundary.js';

type Listener = (core: GatewayCore, req: IncomingMessage, res: ServerResponse) => void;

function text(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const chat: Listener = (core, req, res) => runApi(core, req, res, handleChat);
const embeddings: Listener = (core, req, res) => runApi(core, req, res, handleEmbeddings);

const TABLE: Record<string, Listener> = {
  'POST /v1/chat/completions': chat,
  'POST /chat/completions': chat,
  'POST /v1/embeddings': embeddings,
  'POST /embeddings': embeddings,
  'GET /v1/models': (core, req, res) => runPlain(core, req, res, handleModels),
  'GET /healthz': (_core, _req, res) => text(res, 200, 'ok\n'),
  'GET /readyz': (core, _req, res) => (core.draining ? text(res, 503, 'draining\n') : text(res, 200, 'ready\n')),
  'GET /metrics': (core, _req, res) => text(res, 200, core.metrics.render(), 'text/plain; version=0.0.4; charset=utf-8'),
};

const KNOWN_PATHS = new Set(Object.keys(TABLE).map((k) => k.slice(k.indexOf(' ') + 1)));

/** The node:http request listener for a gateway. */
export function createListener(core: GatewayCore, fallback?: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const listener = TABLE[`${req.method ?? 'GET'} ${path}`];
    if (listener) return listener(core, req, res);
    // Mount hook (the dashboard): paths the gateway does not own, never under /v1.
    if (fallback && !KNOWN_PATHS.has(path) && !path.startsWith('/v1')) return fallback(req, res);
    const err = KNOWN_PATHS.has(path)
      ? new ApiError(405, 'invalid_request_error', 'method_not_allowed', `Method ${req.method ?? ''} is not allowed on ${path}.`)
      : new ApiError(404, 'invalid_request_error', 'unknown_url', `Unknown request URL: ${req.method ?? ''} ${path}.`);
    renderError(core, req, res, err, undefined);
  };
}
