/**
 * The {@link KeyService}: creates keys (returning the secret once), lists and
 * revokes them, and authenticates presented keys on the request path with a
 * short in-process cache so the hot path rarely touches the database.
 */
import { UsageError } from '../../../core/errors.js';
import type { ApiKeyRecord, ApiKeySpec, KeyService } from '../../access-types.js';
import { displayPrefix, generateKey, hashKey, looksLikeKey, randomBase62, sameDigest } from './key-format.js';
import type { KeyRepo, StoredKey } from './key-rows.js';
import { checkKeySpec } from './key-spec.js';

/** Default lifetime of a cached lookup: a revocation made elsewhere takes effect within this time. */
export const DEFAULT_KEY_CACHE_TTL_MS = 2_000;

/** Lookups kept at most; unknown keys are cached too, so a flood of bad keys cannot grow memory without bound. */
const MAX_CACHED = 10_000;

/** Longer inputs are refused before hashing; no valid key or sane admin key is this long. */
const MAX_PRESENTED = 256;

/** Id of the admin identity configured through the environment (it has no row). */
export const ENV_ADMIN_ID = 'admin:env';

/** How a {@link DbKeyService} is built. */
export interface KeyServiceOptions {
  /** An admin key configured outside the store (`MODELGATE_ADMIN_KEY`); at least 16 characters. */
  adminKey?: string;
  /** Cache lifetime in ms (default 2,000; at most 5,000 so revocation is prompt). */
  cacheTtlMs?: number;
  /** Clock in epoch ms; tests pin it. */
  now?: () => number;
}

interface CacheEntry {
  until: number;
  lookup: Promise<StoredKey | undefined>;
}

/** A {@link KeyService} over a {@link KeyRepo}. */
export class DbKeyService implements KeyService {
  readonly #repo: KeyRepo;
  readonly #cache = new Map<string, CacheEntry>();
  readonly #ttl: number;
  readonly #now: () => number;
  readonly #admin: { hash: string; record: ApiKeyRecord } | undefined;

  /** Serve keys from `repo`. */
  constructor(repo: KeyRepo, options: KeyServiceOptions = {}) {
    this.#repo = repo;
    this.#ttl = Math.min(Math.max(options.cacheTtlMs ?? DEFAULT_KEY_CACHE_TTL_MS, 0), 5_000);
    this.#now = options.now ?? Date.now;
    this.#admin = options.adminKey === undefined ? undefined : envAdmin(options.adminKey);
  }

  async create(spec: ApiKeySpec): Promise<{ key: string; record: ApiKeyRecord }> {
    const checked = checkKeySpec(spec, this.#now());
    const key = generateKey();
    const record: ApiKeyRecord = { id: `key_${randomBase62(12)}`, prefix: displayPrefix(key), ...checked, createdAt: new Date(this.#now()).toISOString() };
    const hash = hashKey(key);
    await this.#repo.insert(record, hash);
    this.#cache.delete(hash);
    return { key, record };
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.#repo.list();
  }

  async revoke(idOrPrefix: string): Promise<boolean> {
    const ref = idOrPrefix.trim();
    if (ref.length < 4) throw new UsageError(`give a key id or at least 4 characters of its prefix (got "${ref}")`);
    const matches = await this.#repo.findByRef(ref);
    if (matches.length > 1) {
      throw new UsageError(`"${ref}" matches ${matches.length} keys (${matches.map((m) => m.prefix).join(', ')}); give the key id`);
    }
    const match = matches[0];
    if (!match) return false;
    await this.#repo.revoke(match.id, new Date(this.#now()).toISOString());
    // This process stops accepting the key at once (revocations are rare, so the whole cache goes);
    // other processes stop within their cache TTL.
    this.#cache.clear();
    return true;
  }

  async authenticate(presented: string): Promise<ApiKeyRecord | undefined> {
    if (typeof presented !== 'string' || presented.length === 0 || presented.length > MAX_PRESENTED) return undefined;
    const hash = hashKey(presented);
    if (this.#admin && sameDigest(hash, this.#admin.hash)) return this.#admin.record;
    if (!looksLikeKey(presented)) return undefined;
    const stored = await this.#lookup(hash);
    // The row was found by its hash; the constant-time comparison makes the final accept independent of any
    // lookup quirk (a collation, a truncated column) and takes the same time however many bytes match.
    if (!stored || !sameDigest(stored.hash, hash)) return undefined;
    const r = stored.record;
    if (r.revokedAt !== undefined) return undefined;
    if (r.expiresAt !== undefined && Date.parse(r.expiresAt) <= this.#now()) return undefined;
    return r;
  }

  /** One database lookup per hash per TTL, shared by concurrent requests presenting the same key. */
  #lookup(hash: string): Promise<StoredKey | undefined> {
    const now = this.#now();
    const hit = this.#cache.get(hash);
    if (hit && hit.until > now) return hit.lookup;
    if (hit) this.#cache.delete(hash);
    if (this.#cache.size >= MAX_CACHED) {
      const oldest = this.#cache.keys().next();
      if (!oldest.done) this.#cache.delete(oldest.value);
    }
    const lookup = this.#repo.findByHash(hash).then((s) => (s ? { hash: s.hash, record: deepFreeze(s.record) } : undefined));
    // A failed lookup (database down) is not cached: the next request retries.
    lookup.catch(() => this.#cache.delete(hash));
    this.#cache.set(hash, { until: now + this.#ttl, lookup });
    return lookup;
  }
}

/** The admin identity for a key configured in the environment. */
function envAdmin(adminKey: string): { hash: string; record: ApiKeyRecord } {
  if (adminKey.length < 16) throw new UsageError('MODELGATE_ADMIN_KEY is too short: use at least 16 random characters (or `modelgate keys create --admin`)');
  const record = deepFreeze<ApiKeyRecord>({ id: ENV_ADMIN_ID, name: 'MODELGATE_ADMIN_KEY', prefix: '(env)', routes: ['*'], admin: true, createdAt: new Date(0).toISOString() });
  return { hash: hashKey(adminKey), record };
}

/** Cached records are shared by every request; freezing them keeps one request from changing another's view. */
function deepFreeze<T extends ApiKeyRecord>(r: T): T {
  Object.freeze(r.routes);
  return Object.freeze(r);
}
