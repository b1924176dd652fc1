import { describe, expect, it } from 'vitest';
import { bootstrapFromMeans, bootstrapMean, safeRatio } from './bootstrap.js';
import { createRng } from './prng.js';

describe('bootstrapMean', () => {
  it('gives a zero-width interval for a constant column', () => {
    expect(bootstrapMean([0.5, 0.5, 0.5])).toEqual({ value: 0.5, low: 0.5, high: 0.5 });
  });

  it('matches the exact bootstrap distribution on a hand-checked example', () => {
    // Resampled means of [0,0,0,1] are k/4 with k ~ Binomial(4, 1/4):
    // P(k<=0)=0.316 > 0.025, so the low end is 0; P(k<=2)=0.949 < 0.975 <= P(k<=3)=0.996, so the high end is 0.75.
    const e = bootstrapMean([0, 0, 0, 1], { resamples: 20_000, seed: 3 });
    expect(e).toEqual({ value: 0.25, low: 0, high: 0.75 });
  });

  it('is reproducible for a seed', () => {
    const xs = Array.from({ length: 50 }, (_, i) => (i * 37) % 11);
    expect(bootstrapMean(xs, { seed: 5 })).toEqual(bootstrapMean(xs, { seed: 5 }));
    expect(bootstrapMean(xs, { seed: 5 })).not.toEqual(bootstrapMean(xs, { seed: 6 }));
  });

  it('returns NaN estimates when there are no cases', () => {
    const e = bootstrapMean([]);
    expect(e.value).toBeNaN();
    expect(e.low).toBeNaN();
  });

  it('rejects columns of different lengths', () => {
    expect(() => bootstrapFromMeans([[1], [1, 2]], [(m) => m[0]!])).toThrow(/same length/);
  });
});

describe('coverage by simulation', () => {
  it('the 95% interval of a Bernoulli mean contains the truth 90-99% of the time', () => {
    const truth = 0.7;
    const rng = createRng(2024);
    let covered = 0;
    const runs = 200;
    for (let r = 0; r < runs; r++) {
      const sample = Float64Array.from({ length: 100 }, () => (rng.next() < truth ? 1 : 0));
      const e = bootstrapMean(sample, { seed: r, resamples: 1000 });
      if (e.low <= truth && truth <= e.high) covered++;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.9);
    expect(covered / runs).toBeLessThanOrEqual(0.99);
  });

  it('the paired difference interval covers the true difference 88-99% of the time', () => {
    // Baseline passes with p=0.7; the candidate copies the baseline's verdict 80% of the
    // time and otherwise passes with p=0.6, so E[candidate] = 0.68 and the true difference is -0.02.
    const truth = -0.02;
    const rng = createRng(77);
    let covered = 0;
    const runs = 200;
    for (let r = 0; r < runs; r++) {
      const base = new Float64Array(200);
      const cand = new Float64Array(200);
      for (let i = 0; i < 200; i++) {
        base[i] = rng.next() < 0.7 ? 1 : 0;
        cand[i] = rng.next() < 0.8 ? base[i]! : rng.next() < 0.6 ? 1 : 0;
      }
      const [d] = bootstrapFromMeans([cand, base], [(m) => m[0]! - m[1]!], { seed: r, resamples: 1000 });
      if (d!.low <= truth && truth <= d!.high) covered++;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.88);
    expect(covered / runs).toBeLessThanOrEqual(0.99);
  });
});

describe('safeRatio', () => {
  it('treats 0/0 as parity and x/0 as unbounded', () => {
    expect(safeRatio(1, 2)).toBe(0.5);
    expect(safeRatio(0, 0)).toBe(1);
    expect(safeRatio(1, 0)).toBe(Infinity);
  });
});
