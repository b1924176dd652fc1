/**
 * Turn a hub error response into a coded error. The hub says which thing is
 * missing in `X-Error-Code` (RepoNotFound, RevisionNotFound, EntryNotFound,
 * GatedRepo) and answers 401 both for a bad token and for a private or
 * missing repository when no token is sent, so the hint depends on whether
 * one was.
 */
import { UpstreamError } from '../../core/errors.js';
import { parseRetryAfter, RetryableFailure } from './retry.js';

/** What was being fetched, for messages. */
export interface HubTarget {
  repo: string;
  revision?: string;
  path?: string;
}

const RETRY_AFTER_CAP_MS = 60_000;

/** Human name of the target: `org/name@rev:path`. */
export function describeTarget(t: HubTarget): string {
  return `${t.repo}${t.revision ? `@${t.revision}` : ''}${t.path ? `:${t.path}` : ''}`;
}

/**
 * The error for a response that is neither 2xx nor a redirect: retryable
 * (429, 408, 5xx) or final. Consumes nothing; the caller cancels the body.
 */
export function responseFailure(res: Response, target: HubTarget, hasToken: boolean): UpstreamError | RetryableFailure {
  const code = res.headers.get('x-error-code') ?? '';
  const said = serverMessage(res);
  const where = describeTarget(target);
  if (res.status === 401 || res.status === 403) {
    return new UpstreamError('MG_HUB_UNAUTHORIZED', `the hub refused access to ${where} (HTTP ${res.status}${code ? ` ${code}` : ''}${said}): ${authHint(res.status, code, hasToken)}`, { httpStatus: 502 });
  }
  if (res.status === 404) {
    return new UpstreamError('MG_HUB_NOT_FOUND', `${notFoundMessage(code, target)} (HTTP 404${said})`, { httpStatus: 502 });
  }
  const final = new UpstreamError('MG_HUB_BAD_RESPONSE', `the hub answered HTTP ${res.status} for ${where}${said}`, { httpStatus: 502 });
  if (res.status === 429 || res.status === 408 || res.status >= 500) return new RetryableFailure(final, retryAfterOf(res));
  return final;
}

/** Retry-After of a 429 or 503, in ms (capped), or undefined. */
export function retryAfterOf(res: Response): number | undefined {
  return parseRetryAfter(res.headers.get('retry-after'), RETRY_AFTER_CAP_MS);
}

function authHint(status: number, code: string, hasToken: boolean): string {
  if (code === 'GatedRepo') {
    return 'the repository is gated: accept its conditions on the model page while logged in as the owner of HF_TOKEN';
  }
  if (status === 403) {
    return 'HF_TOKEN lacks permission for this repository (a fine-grained token needs read access to it, and gated models need their conditions accepted)';
  }
  return hasToken
    ? 'HF_TOKEN was sent but not accepted: it may be expired or revoked, or the repository may not exist'
    : 'the repository is private or gated (or does not exist); set HF_TOKEN to a read token';
}

function notFoundMessage(code: string, t: HubTarget): string {
  if (code === 'RepoNotFound') return `repository ${t.repo} was not found on the hub`;
  if (code === 'RevisionNotFound') return `revision "${t.revision ?? 'main'}" was not found in ${t.repo}`;
  if (code === 'EntryNotFound' || t.path) return `file "${t.path ?? '?'}" was not found in ${t.repo}@${t.revision ?? 'main'}`;
  return `${describeTarget(t)} was not found on the hub`;
}

/** The hub's own short explanation, on one line and bounded; it never echoes the token. */
function serverMessage(res: Response): string {
  const raw = res.headers.get('x-error-message');
  if (!raw) return '';
  const line = raw.replace(/\s+/g, ' ').trim().slice(0, 200);
  return line ? `: ${line}` : '';
}
