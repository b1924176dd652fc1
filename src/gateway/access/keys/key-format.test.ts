import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { displayPrefix, generateKey, hashKey, looksLikeKey, randomBase62, sameDigest } from './key-format.js';

describe('key format', () => {
  it('is mg_ plus 40 base62 characters, different every time', () => {
    const keys = Array.from({ length: 200 }, generateKey);
    for (const k of keys) expect(k).toMatch(/^mg_[0-9A-Za-z]{40}$/);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every(looksLikeKey)).toBe(true);
    expect(looksLikeKey('mg_short')).toBe(false);
    expect(looksLikeKey(`Bearer ${keys[0]}`)).toBe(false);
  });

  it('draws characters without modulo bias', () => {
    const counts = new Map<string, number>();
    for (const c of randomBase62(62_000)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Each character expects 1,000; with `byte % 62` the first eight would sit near 1,240.
    for (const n of counts.values()) expect(n).toBeLessThan(1_150);
  });

  it('hashes with SHA-256 and shows only the first 8 random characters', () => {
    const k = generateKey();
    expect(hashKey(k)).toBe(createHash('sha256').update(k).digest('hex'));
    expect(displayPrefix(k)).toBe(k.slice(0, 11));
  });

  it('compares digests in constant time and refuses different lengths', () => {
    const h = hashKey('a');
    expect(sameDigest(h, hashKey('a'))).toBe(true);
    expect(sameDigest(h, hashKey('b'))).toBe(false);
    expect(sameDigest(h, h.slice(0, 10))).toBe(false);
    expect(sameDigest('', '')).toBe(false);
  });
});
