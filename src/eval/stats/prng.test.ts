import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from './prng.js';
import { quantileSorted } from './quantile.js';

describe('createRng', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = createRng(1);
    const b = createRng(1);
    const c = createRng(2);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('draws uniformly in [0, 1) and integers in [0, n)', () => {
    const rng = createRng(99);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (x < 0 || x >= 1) outside++;
      else buckets[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
    const ints = new Set(Array.from({ length: 1000 }, () => rng.int(3)));
    expect([...ints].sort()).toEqual([0, 1, 2]);
  });
});

describe('deriveSeed', () => {
  it('gives different seeds per label and the same seed for the same label', () => {
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
  });
});

describe('quantileSorted', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48);
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantileSorted([Infinity, Infinity], 0.5)).toBe(Infinity);
  });
});
