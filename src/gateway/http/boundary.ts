/**
 * The gateway's one error boundary (STYLE 9): every API request runs inside
 * it, every thrown error becomes an OpenAI-style answer here, and every
 * request ends with exactly one `finishRequest` (ledger row, metrics, log).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { GatewayCore, RequestFacts } from '../core.js';
import { newFacts } from '../core.js';
import { ApiError, internalError } from '../errors.js';
import { finishRequest } from '../handlers/finish.js';
import { sseErrorEvent } from '../upstream/stream-types.js';
import { ClientGoneError } from './read-body.js';
import { requestId } from './request-id.js';

/** A handler of an API route. */
export type ApiHandler = (core: GatewayCore, req: IncomingMessage, res: ServerResponse, facts: RequestFacts) => Promise<void>;

/** Status used in ledger rows and metrics when the client left before an answer. */
const CLIENT_CLOSED = 499;

/** Render an error as the answer; returns the status recorded for the request. */
export function renderError(core: GatewayCore, req: IncomingMessage, res: ServerResponse, err: unknown, facts: RequestFacts | undefined): number {
  if (err instanceof ClientGoneError) {
    res.destroy();
    return CLIENT_CLOSED;
  }
  let api: ApiError;
  if (err instanceof ApiError) api = err;
  else {
    const id = facts?.requestId ?? 'unknown';
    core.logger.error('bug', { requestId: id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    api = internalError(id);
  }
  if (api.code === 'content_blocked' && facts) facts.outcome = 'blocked';
  if (res.headersSent) {
    // A stream already started: say so in-band, as the OpenAI SDK expects.
    if (!res.writableEnded) res.end(sseErrorEvent(api.message));
    if (facts) facts.outcome = 'error';
    return res.statusCode;
  }
  const body = api.body();
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...api.headers };
  // The rest of an oversized or slow body is never read: close instead of draining it.
  if (api.status === 413 || api.status === 408) headers.connection = 'close';
  res.writeHead(api.status, headers);
  res.end(body);
  if (api.status === 413 || api.status === 408) res.once('finish', () => req.socket.destroySoon());
  return api.status;
}

/** Run an API handler inside the boundary. */
export function runApi(core: GatewayCore, req: IncomingMessage, res: ServerResponse, handler: ApiHandler): void {
  const facts = newFacts(requestId(), performance.now());
  res.setHeader('x-request-id', facts.requestId);
  core.metrics.inFlight++;
  void serve(core, req, res, handler, facts, holdLastBytes(res));
}

/** The request's life inside the boundary (one async function: fewer promises than a then-chain). */
async function serve(core: GatewayCore, req: IncomingMessage, res: ServerResponse, handler: ApiHandler, facts: RequestFacts, release: () => void): Promise<void> {
  try {
    let status: number;
    try {
      await handler(core, req, res, facts);
      status = res.statusCode;
    } catch (err) {
      status = renderError(core, req, res, err, facts);
    }
    await finishRequest(core, facts, status);
  } catch (err) {
    core.logger.error('bug', { requestId: facts.requestId, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    release();
    // In flight until the last bytes are out, so a draining server does not cut a held answer.
    core.metrics.inFlight--;
  }
}

/**
 * Defer `res.end()` until `release()`: the last bytes go out only after the
 * request's ledger row is durable. The first `end` wins (an error raised after
 * a handler finished must not replace its answer).
 */
function holdLastBytes(res: ServerResponse): () => void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let held: unknown[] | undefined;
  res.end = ((...args: unknown[]) => {
    held ??= args;
    return res;
  }) as ServerResponse['end'];
  return () => {
    res.end = end as ServerResponse['end'];
    if (held && !res.destroyed) end(...held);
  };
}

/** Run a non-API handler (models list) inside the boundary, without a ledger row. */
export function runPlain(core: GatewayCore, req: IncomingMessage, res: ServerResponse, handler: (core: GatewayCore, req: IncomingMessage, res: ServerResponse) => Promise<void>): void {
  handler(core, req, res).catch((err: unknown) => renderError(core, req, res, err, undefined));
}
