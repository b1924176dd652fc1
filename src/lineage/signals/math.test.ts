import { describe, expect, it } from 'vitest';
import { assign } from './assignment.js';
import { linearCka } from './cka.js';
import { interpolate, pearson, zscore } from './stats.js';

function brute(cost: number[][]): number {
  const rows = cost.length;
  const cols = cost[0]?.length ?? 0;
  let best = Infinity;
  const go = (i: number, used: Set<number>, sum: number) => {
    if (i === rows) return void (best = Math.min(best, sum));
    for (let j = 0; j < cols; j++) if (!used.has(j)) go(i + 1, new Set([...used, j]), sum + (cost[i]?.[j] as number));
  };
  go(0, new Set(), 0);
  return best;
}

describe('assignment', () => {
  it('finds the minimum-cost matching of rows to distinct columns (checked by brute force)', () => {
    let seed = 7;
    const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 20; trial++) {
      const rows = 1 + (trial % 5);
      const cols = rows + (trial % 3);
      const cost = Array.from({ length: rows }, () => Array.from({ length: cols }, r));
      const m = assign(Float64Array.from(cost.flat()), rows, cols);
      expect(new Set(m).size).toBe(rows);
      const total = [...m].reduce((s, j, i) => s + (cost[i]?.[j] as number), 0);
      expect(total).toBeCloseTo(brute(cost), 10);
    }
  });
});

describe('linear CKA', () => {
  it('is 1 under rotation and scaling, and small for unrelated features', () => {
    const n = 64;
    const x = Float64Array.from({ length: n * 2 }, (_, i) => Math.sin(i * 1.7) + Math.cos(i * 0.3));
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    const y = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      y[i * 2] = 3 * (c * (x[i * 2] as number) - s * (x[i * 2 + 1] as number));
      y[i * 2 + 1] = 3 * (s * (x[i * 2] as number) + c * (x[i * 2 + 1] as number));
    }
    expect(linearCka(x, y, n, 2, 2)).toBeCloseTo(1, 10);
    const z = Float64Array.from({ length: n * 2 }, (_, i) => Math.sin(i * 12.9898 + 4) * 43758.5453 % 1);
    expect(linearCka(x, z, n, 2, 2)).toBeLessThan(0.2);
  });
});

describe('stats', () => {
  it('z-scores, interpolates over depth and correlates', () => {
    expect(zscore([1, 2, 3]).map((v) => Number(v.toFixed(4)))).toEqual([-1.2247, 0, 1.2247]);
    expect(interpolate([0, 10], 3)).toEqual([0, 5, 10]);
    expect(pearson([1, 2, 3], [2, 4, 6.5])).toBeGreaterThan(0.99);
  });
});
