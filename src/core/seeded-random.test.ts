import { describe, expect, it } from 'vitest';
import { mulberry32 } from './seeded-random.js';

/** The textbook form (unsigned state), which fixtures generated before this module used. */
function reference(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('mulberry32', () => {
  it('draws the same numbers as the textbook form, for any seed', () => {
    for (const seed of [0, 1, 42, 20_240_917, 0x7fffffff, -5, 2 ** 32 - 1]) {
      const a = mulberry32(seed);
      const b = reference(seed);
      for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
    }
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const rand = mulberry32(7);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = rand();
      expect(x >= 0 && x < 1).toBe(true);
      bins[Math.floor(x * 10)]!++;
    }
    for (const n of bins) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });
});
