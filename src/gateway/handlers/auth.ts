/**
 * Who is calling: the admin key (compared as sha256 digests in constant
 * time, so neither its value nor its length leaks through timing) or a key
 * the key service knows. Then whether that key may use the route, and
 * whether its limits admit the request.
 */
import { hash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApiKeyRecord } from '../access-types.js';
import type { GatewayCore } from '../core.js';
import { ApiError, forbidden, unauthorized } from '../errors.js';

/** sha256 of a key. */
export function keyHash(key: string): Buffer {
  // The one-shot `hash` skips the Hash object `createHash` builds on every request.
  return hash('sha256', key, 'buffer');
}

/** The key a request presents: `Authorization: Bearer …` (what the OpenAI SDK sends) or `x-api-key`. */
export function presentedKey(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth !== undefined && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ') return auth.slice(7).trim();
  const x = req.headers['x-api-key'];
  return typeof x === 'string' && x.length > 0 ? x : undefined;
}

/** The caller's key record; throws 401 when there is none or it is not valid. */
export async function authenticate(core: GatewayCore, req: IncomingMessage): Promise<ApiKeyRecord> {
  const key = presentedKey(req);
  if (key === undefined) throw unauthorized();
  if (core.adminKeyHash && timingSafeEqual(keyHash(key), core.adminKeyHash)) return core.adminRecord;
  const record = await core.access.keys.authenticate(key);
  if (!record) throw unauthorized('Incorrect API key provided.');
  return record;
}

/** Throws 403 unless the key may use `route`. */
export function authorizeRoute(key: ApiKeyRecord, route: string): void {
  if (key.admin || key.routes.includes('*') || key.routes.includes(route)) return;
  throw forbidden(route);
}

/** Ask the limits; throws 429 with Retry-After when the key is over a limit. Admin keys are not limited. */
export async function admit(core: GatewayCore, key: ApiKeyRecord, estimate: { tokens: number; costUsd: number }) {
  if (key === core.adminRecord) return undefined;
  const a = await core.access.limits.admit(key, estimate);
  if (a.ok) return a;
  const code = a.reason === 'budget' ? 'insufficient_quota' : 'rate_limit_exceeded';
  throw new ApiError(429, 'rate_limit_error', code, a.message, null, { 'retry-after': String(Math.max(1, Math.ceil(a.retryAfterSec))) });
}
