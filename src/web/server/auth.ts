/**
 * Admin authentication for the dashboard: a bearer key, or a session cookie
 * obtained by posting the key to `/api/login`. Keys are compared by their
 * SHA-256 in constant time; sessions are random tokens held in memory.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { KeyService } from '../../gateway/index.js';
import { cookie } from './http.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'mg_dashboard';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const sha = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Checks admin keys and keeps login sessions. */
export class DashboardAuth {
  readonly #adminHash: Buffer | undefined;
  readonly #keys: KeyService | undefined;
  readonly #sessions = new Map<string, number>();
  readonly #now: () => number;

  /** `adminKey`: accepted as is; `keys`: any stored key with `admin: true` is accepted too. */
  constructor(o: { adminKey?: string | undefined; keys?: KeyService | undefined; now?: () => number }) {
    this.#adminHash = o.adminKey ? sha(o.adminKey) : undefined;
    this.#keys = o.keys;
    this.#now = o.now ?? Date.now;
  }

  /** True when `presented` is an admin key. */
  async isAdminKey(presented: string): Promise<boolean> {
    if (presented.length === 0 || presented.length > 512) return false;
    if (this.#adminHash && timingSafeEqual(sha(presented), this.#adminHash)) return true;
    const record = this.#keys ? await this.#keys.authenticate(presented) : undefined;
    return record?.admin === true;
  }

  /** True when the request carries an admin bearer key or a live session cookie. */
  async check(req: IncomingMessage): Promise<boolean> {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return this.isAdminKey(header.slice(7).trim());
    const token = cookie(req, SESSION_COOKIE);
    if (!token) return false;
    const expires = this.#sessions.get(token);
    if (expires === undefined) return false;
    if (expires <= this.#now()) {
      this.#sessions.delete(token);
      return false;
    }
    return true;
  }

  /** A new session; returns the `Set-Cookie` header value. */
  openSession(): string {
    const token = randomBytes(32).toString('base64url');
    this.#sessions.set(token, this.#now() + SESSION_TTL_MS);
    return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_TTL_MS / 1000}`;
  }

  /** End the request's session; returns the `Set-Cookie` header that clears it. */
  closeSession(req: IncomingMessage): string {
    const token = cookie(req, SESSION_COOKIE);
    if (token) this.#sessions.delete(token);
    return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
  }
}
