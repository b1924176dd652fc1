import { describe, expect, it } from 'vitest';
import { LatencySketch } from './latency-sketch.js';

describe('LatencySketch', () => {
  it('is exact below its capacity', () => {
    const s = new LatencySketch({ capacity: 100 });
    for (const x of [50, 10, 40, 20, 30]) s.add(x);
    expect(s.quantile(0.5)).toBe(30);
    expect(s.quantile(0.95)).toBeCloseTo(48);
    expect(s.sampled).toBe(false);
    s.add(60); // values after a quantile question still count
    expect(s.quantile(0.5)).toBe(35);
  });

  it('ignores values that are not latencies', () => {
    const s = new LatencySketch();
    s.add(Number.NaN);
    s.add(-1);
    s.add(Infinity);
    expect(s.count).toBe(0);
    expect(s.quantile(0.5)).toBeNaN();
  });

  it('samples uniformly past capacity, keeping quantiles close', () => {
    const s = new LatencySketch({ capacity: 2000, seed: 4 });
    // A shuffled-looking but deterministic walk over 0..99,999.
    for (let i = 0; i < 100_000; i++) s.add((i * 7919) % 100_000);
    expect(s.sampled).toBe(true);
    expect(s.count).toBe(100_000);
    expect(Math.abs(s.quantile(0.5) - 50_000)).toBeLessThan(3000);
    expect(Math.abs(s.quantile(0.95) - 95_000)).toBeLessThan(1500);
  });
});
