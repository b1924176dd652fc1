/**
 * The project's one seeded pseudo-random generator (Mulberry32: 32 bits of
 * state, a handful of integer operations per draw). Generated fixtures,
 * fuzz cases and the bootstrap all draw from it, so the same seed gives the
 * same numbers on every machine and a failing case can be replayed.
 */

/**
 * Uniform floats in [0, 1) from `seed`.
 * @example const rand = mulberry32(42); rand();
 */
export function mulberry32(seed: number): () => number {
  // `| 0` keeps the state a small integer to V8; `>>> 0` made it a heap number and the bootstrap ~1.8x slower.
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) * 2.3283064365386963e-10; // 2^-32
  };
}
