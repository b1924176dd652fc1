/**
 * One GET against the hub. Redirects are followed by hand rather than by
 * fetch so the token is sent only while we are still on the hub's origin:
 * LFS files come from a CDN on another host, which must never see it.
 */
import { UpstreamError } from '../../core/errors.js';
import { RetryableFailure, type RetryPolicy } from './retry.js';

/** Everything a request needs; built once by `createHubClient()`. */
export interface HubHttp {
  endpoint: URL;
  token: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryPolicy;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

/**
 * Aborts when nothing happened for `ms`: armed before the request, re-armed
 * on every body chunk, so a slow but steady download is never cut off.
 */
export class IdleTimer {
  private readonly controller = new AbortController();
  private handle: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly ms: number) {
    this.touch();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  touch(): void {
    clearTimeout(this.handle);
    this.handle = setTimeout(() => this.controller.abort(new Error(`no data for ${this.ms} ms`)), this.ms);
  }

  clear(): void {
    clearTimeout(this.handle);
  }
}

/**
 * GET `url`, following up to ten redirects; the Authorization header is
 * dropped for good as soon as a hop leaves the endpoint's origin. Network
 * failures become a RetryableFailure with code MG_HUB_UNREACHABLE.
 */
export async function hubGet(http: HubHttp, url: URL, headers: Record<string, string>, timer: IdleTimer): Promise<Response> {
  let current = url;
  let trusted = current.origin === http.endpoint.origin;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const sent: Record<string, string> = { 'user-agent': 'modelgate-hub-client', ...headers };
    if (trusted && http.token) sent.authorization = `Bearer ${http.token}`;
    const res = await send(http, current, sent, timer);
    if (!REDIRECTS.has(res.status)) return res;
    const location = res.headers.get('location');
    await res.body?.cancel().catch(() => undefined);
    if (!location) throw new UpstreamError('MG_HUB_BAD_RESPONSE', `the hub redirected ${safeUrl(current)} without a Location header`);
    current = new URL(location, current);
    trusted = trusted && current.origin === http.endpoint.origin;
  }
  throw new UpstreamError('MG_HUB_BAD_RESPONSE', `more than ${MAX_REDIRECTS} redirects fetching ${safeUrl(url)}`);
}

async function send(http: HubHttp, url: URL, headers: Record<string, string>, timer: IdleTimer): Promise<Response> {
  try {
    return await http.fetch(url, { headers, redirect: 'manual', signal: timer.signal });
  } catch (e) {
    const why = timer.expired ? `timed out after ${timer.ms} ms` : networkReason(e);
    throw new RetryableFailure(new UpstreamError('MG_HUB_UNREACHABLE', `could not reach ${url.host}: ${why}`, { cause: e }));
  }
}

/** A short reason for a fetch failure, e.g. `ECONNREFUSED`, from undici's nested cause. */
export function networkReason(e: unknown): string {
  const cause = e instanceof Error ? e.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code;
  if (cause instanceof Error) return cause.message;
  return e instanceof Error ? e.message : String(e);
}

/** URL without query string: CDN links carry signatures that should not end up in messages. */
export function safeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
