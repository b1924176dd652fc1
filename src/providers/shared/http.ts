/**
 * HTTP for upstream calls on undici's dispatcher API (keep-alive pool per
 * provider instance, no WHATWG streams in the hot path). Every outcome is a
 * Result: non-2xx answers, timeouts, aborts and socket errors become typed
 * failures, with the upstream's error text but never our request headers.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, type Dispatcher } from 'undici';
import type { Failure, FailureKind, Result } from '../types.js';
import { parseRetryAfter } from './retry.js';
import { kindForStatus } from './result.js';
import { Tripwire } from './tripwire.js';

/** A response whose status is 2xx; the body is a Node Readable of Buffers. */
export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Dispatcher.ResponseData['body'];
}

/** Per-request options. */
export interface PostOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  /** Streams use the timeout per phase (first byte, then each silence); other calls as a total deadline. */
  stream: boolean;
  headers?: Record<string, string>;
}

/** Signals of one call, kept so an error can be told apart as timeout or cancel. */
export interface CallSignals {
  user: AbortSignal | undefined;
  /**
   * The total deadline. It also aborts when `user` does (undici takes one signal), so check `user` first
   * to tell a cancel from a timeout.
   */
  deadline: Tripwire | undefined;
  /** Stop the deadline's timer and listener once the call is over (its body read or abandoned). */
  release?: () => void;
}

const MAX_ERROR_BODY = 64 * 1024;
const MAX_JSON_BODY = 64 * 1024 * 1024;
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Classify an exception from undici (or a body read) as a failure kind and message. */
export function failureFromError(provider: string, err: unknown, s: CallSignals): Failure {
  if (s.user?.aborted) return { kind: 'cancelled', provider, message: 'the caller cancelled the request' };
  if (s.deadline?.aborted) return { kind: 'timeout', provider, message: 'the request exceeded its deadline' };
  const e = err as { code?: string; name?: string; message?: string };
  if (e.code && TIMEOUT_CODES.has(e.code)) return { kind: 'timeout', provider, message: `upstream too slow (${e.code})` };
  if (e.name === 'AbortError' || e.code === 'UND_ERR_ABORTED') return { kind: 'cancelled', provider, message: 'the request was aborted' };
  return { kind: 'network', provider, message: `network error: ${e.message ?? String(err)}${e.code ? ` (${e.code})` : ''}` };
}

/**
 * A total deadline for a call, following `user` too. A Tripwire rather than an AbortController
 * (plus `AbortSignal.timeout`/`any`): the gateway makes one per request and the controller's
 * construction and listeners were a measurable share of its CPU. The timer is cleared when the
 * call ends instead of living for the whole timeout.
 */
function deadlineSignals(user: AbortSignal | undefined, timeoutMs: number): CallSignals {
  const wire = new Tripwire();
  const timer = setTimeout(() => wire.trip(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs);
  timer.unref();
  if (!user) return { user, deadline: wire, release: () => clearTimeout(timer) };
  const onUser = (): void => wire.trip(user.reason);
  if (user.aborted) onUser();
  else user.addEventListener('abort', onUser, { once: true });
  const release = (): void => {
    clearTimeout(timer);
    user.removeEventListener('abort', onUser);
  };
  return { user, deadline: wire, release };
}

/** One keep-alive connection pool to one base URL. */
export class HttpClient {
  private readonly agent: Agent;
  private readonly origin: string;
  private readonly basePath: string;

  constructor(
    readonly provider: string,
    baseURL: string,
    private readonly headers: Record<string, string>,
    connections?: number,
  ) {
    const u = new URL(baseURL);
    this.origin = u.origin;
    this.basePath = u.pathname.replace(/\/+$/, '');
    this.agent = new Agent({ keepAliveTimeout: 30_000, connections: connections ?? null });
  }

  /** The signals a call will use; streams get no total deadline (undici's per-phase timeouts apply). */
  signalsFor(o: Pick<PostOptions, 'signal' | 'timeoutMs' | 'stream'>): CallSignals {
    return o.stream ? { user: o.signal, deadline: undefined } : deadlineSignals(o.signal, o.timeoutMs);
  }

  /** POST `body` to `path` under the base URL. Non-2xx statuses become failures (the error body is read and kept). */
  async post(path: string, body: string | Uint8Array, o: PostOptions, s: CallSignals = this.signalsFor(o)): Promise<Result<UpstreamResponse>> {
    const signal = s.deadline ?? s.user;
    let res: Dispatcher.ResponseData;
    try {
      res = await this.agent.request({
        origin: this.origin,
        path: this.basePath + path,
        method: 'POST',
        headers: o.headers ? { ...this.headers, ...o.headers } : this.headers,
        body,
        signal,
        headersTimeout: o.timeoutMs,
        bodyTimeout: o.timeoutMs,
      });
    } catch (err) {
      s.release?.();
      return { ok: false, failure: failureFromError(this.provider, err, s) };
    }
    if (res.statusCode >= 200 && res.statusCode < 300) {
      if (s.release) res.body.once('close', s.release);
      return { ok: true, value: { status: res.statusCode, headers: res.headers, body: res.body } };
    }
    const failure = await this.statusFailure(res, s);
    s.release?.();
    return { ok: false, failure };
  }

  /** Close idle sockets and refuse new requests. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private async statusFailure(res: Dispatcher.ResponseData, s: CallSignals): Promise<Failure> {
    const text = await readText(res.body, MAX_ERROR_BODY).catch(() => '');
    const kind: FailureKind = kindForStatus(res.statusCode);
    const detail = errorMessageOf(text);
    return {
      kind: s.user?.aborted ? 'cancelled' : kind,
      provider: this.provider,
      status: res.statusCode,
      message: `upstream answered ${res.statusCode}${detail ? `: ${detail}` : ''}`,
      retryAfterMs: parseRetryAfter(res.headers),
      upstreamBody: text,
    };
  }
}

/** Read a body as UTF-8, keeping at most `limit` bytes (the rest is drained). */
export async function readText(body: AsyncIterable<Buffer>, limit: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size < limit) parts.push(chunk.subarray(0, limit - size));
    size += chunk.length;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** Read and parse a JSON body; read errors and bad JSON become failures. */
export async function readJson(provider: string, res: UpstreamResponse, s: CallSignals): Promise<Result<unknown>> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_JSON_BODY) {
        res.body.destroy();
        return { ok: false, failure: { kind: 'bad_response', provider, message: `response body exceeds ${MAX_JSON_BODY} bytes` } };
      }
      parts.push(chunk);
    }
  } catch (err) {
    return { ok: false, failure: failureFromError(provider, err, s) };
  }
  const text = parts.length === 1 ? (parts[0] as Buffer).toString('utf8') : Buffer.concat(parts).toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, failure: { kind: 'bad_response', provider, message: `response is not JSON: ${text.slice(0, 120)}` } };
  }
}

/** The human message inside a vendor error body (`{ error: { message } }`, `{ error: "..." }`, `{ message }`). */
export function errorMessageOf(text: string): string {
  if (!text) return '';
  try {
    const j = JSON.parse(text) as { error?: unknown; message?: unknown };
    const e = j.error;
    if (typeof e === 'string') return e.slice(0, 500);
    if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return ((e as { message: string }).message).slice(0, 500);
    if (typeof j.message === 'string') return j.message.slice(0, 500);
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200).replace(/\s+/g, ' ').trim();
}
