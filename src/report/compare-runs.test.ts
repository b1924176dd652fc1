import { describe, expect, it } from 'vitest';
import { row } from '../eval/stats/test-support/synthetic-run.js';
import { compareRuns, renderRunComparison } from './compare-runs.js';

const runA = [row('m', 0, 1), row('m', 1, 0, { pass: false }), row('m', 2, 0.8), row('m', 3, 1), row('m', 5, 1), row('gone', 0, 1)];
const runB = [row('m', 0, 0, { pass: false }), row('m', 1, 1), row('m', 2, 0.6), row('m', 3, 1), row('m', 4, 1), row('new', 0, 1)];

describe('compareRuns', () => {
  it('lists regressions, fixes and score changes, most important first', async () => {
    const cmp = await compareRuns(runA, runB);
    expect(cmp.changes.map((c) => [c.caseIndex, c.kind])).toEqual([
      [0, 'regressed'],
      [1, 'fixed'],
      [2, 'score'],
    ]);
    expect(cmp.changes[2]!.delta).toBeCloseTo(-0.2);
    expect(cmp.totalChanges).toBe(3);
    const [m] = cmp.models;
    expect(m).toMatchObject({ model: 'm', regressed: 1, fixed: 1, scoreChanged: 1, onlyInA: 1, onlyInB: 1 });
    expect(m!.paired.pairedCases).toBe(4);
    // Paired over cases 0-3: B - A = (-1 + 1 - 0.2 + 0) / 4.
    expect(m!.paired.scoreDiff.value).toBeCloseTo(-0.05);
    expect(cmp.onlyInA).toEqual(['gone']);
    expect(cmp.onlyInB).toEqual(['new']);
  });

  it('caps the list but keeps the count', async () => {
    const a = Array.from({ length: 50 }, (_, i) => row('m', i, 1));
    const b = Array.from({ length: 50 }, (_, i) => row('m', i, 0, { pass: false }));
    const cmp = await compareRuns(a, b, { maxChanges: 10 });
    expect(cmp.changes).toHaveLength(10);
    expect(cmp.totalChanges).toBe(50);
    expect(cmp.models[0]!.regressed).toBe(50);
  });

  it('pairs two single-model runs with different names', async () => {
    const cmp = await compareRuns([row('v1', 0, 1)], [row('v2', 0, 1)]);
    expect(cmp.models[0]).toMatchObject({ model: 'v1', modelB: 'v2' });
    expect(cmp.totalChanges).toBe(0);
    expect(renderRunComparison(cmp)).toContain('no case changed its verdict or score');
  });

  it('renders deltas and changed cases as text', async () => {
    const text = renderRunComparison(await compareRuns(runA, runB, { maxChanges: 2 }), ['run-a', 'run-b']);
    expect(text).toContain('comparing run-b against run-a');
    expect(text).toContain('changed cases (showing 2 of 3):');
    expect(text).toMatch(/m\s+#0\s+pass→fail\s+1\.000 → 0\.000\s+-1\.000/);
    expect(text).toContain('m: 1 cases only in run-a, 1 only in run-b');
    expect(text).toContain('only in run-a: gone');
  });
});
