/**
 * The shape of an API key and how it is hashed. A key is `mg_` plus 40
 * random base62 characters (about 238 bits); only its SHA-256 and a short
 * display prefix are stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random characters after `mg_`: 40 x log2(62) ≈ 238 bits, far beyond guessing or brute force. */
export const KEY_RANDOM_CHARS = 40;

/** Every key starts with this, so scanners (and people) recognise a leaked one. */
export const KEY_PREFIX = 'mg_';

/** Characters of the random part shown as the key's prefix (`mg_3f9aK2xQ`); the other 32 stay secret. */
export const DISPLAY_CHARS = 8;

const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${KEY_RANDOM_CHARS}}$`);

/**
 * `n` uniformly random base62 characters. Bytes of 248 or more are skipped
 * (rejection sampling): 248 = 4 x 62, so `byte % 62` would otherwise favour
 * the first eight characters.
 */
export function randomBase62(n: number): string {
  let out = '';
  while (out.length < n) {
    for (const byte of randomBytes(n + 8)) {
      if (byte < 248 && out.length < n) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** A new API key: `mg_` + 40 base62 characters. */
export function generateKey(): string {
  return `${KEY_PREFIX}${randomBase62(KEY_RANDOM_CHARS)}`;
}

/** Whether a presented string has the shape of a modelgate key (cheap check before any lookup). */
export function looksLikeKey(presented: string): boolean {
  return KEY_PATTERN.test(presented);
}

/** The displayable, non-secret start of a key. */
export function displayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + DISPLAY_CHARS);
}

/**
 * SHA-256 of the key, hex. A fast hash is right here, unlike for passwords:
 * a key carries ~238 bits of entropy, so even a stolen hash table cannot be
 * brute-forced however fast each guess is, and the hash must be cheap because
 * it runs on every request. A slow KDF (bcrypt, scrypt) would add
 * milliseconds per request and buy nothing.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Compare two hex digests in constant time (false when their lengths differ). */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
