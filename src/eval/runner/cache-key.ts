/**
 * The response cache key: sha256 of canonical JSON (keys sorted at every
 * level) of the provider type, base URL, model, pinned revision and the
 * request. Credentials and headers are never part of it, so a key can be
 * logged and a cache shared without leaking anything.
 */
import { createHash } from 'node:crypto';
import type { ChatRequest } from '../../providers/index.js';
import type { ModelTarget } from './models.js';

/** JSON with sorted keys and no undefined members. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/**
 * Key of one call. `sample` separates repeats (`--repeat`) so each repeat is
 * its own sample yet stays reproducible; sample 0 shares the key of an
 * unrepeated run.
 */
export function responseCacheKey(identity: ModelTarget['identity'], request: ChatRequest, sample = 0): string {
  const body = canonicalJson({ ...identity, request: sample > 0 ? { ...request, sample } : request });
  return createHash('sha256').update(body).digest('hex');
}
