/**
 * Token buckets for the in-process limiter. A bucket holds up to `capacity`
 * tokens (the per-minute limit) and refills continuously at capacity/60 s,
 * so a key can burst to its limit and then sustain it, and the wait for the
 * next token is exact — which is what Retry-After reports.
 */

/** A bucket's level at an instant; refilled lazily when read. */
export interface Bucket {
  tokens: number;
  atMs: number;
}

/** Per-minute limits refill over this many ms. */
export const WINDOW_MS = 60_000;

/** The level of `b` at `nowMs` (a full bucket when it was never used). */
export function level(b: Bucket | undefined, capacity: number, nowMs: number): number {
  if (!b) return capacity;
  const elapsed = Math.max(0, nowMs - b.atMs);
  return Math.min(capacity, b.tokens + (elapsed * capacity) / WINDOW_MS);
}

/** Milliseconds until a bucket at `tokens` holds `need`. */
export function waitMs(tokens: number, need: number, capacity: number): number {
  return tokens >= need ? 0 : Math.ceil(((need - tokens) * WINDOW_MS) / capacity);
}
