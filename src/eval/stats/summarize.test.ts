import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../types.js';
import { groupByMetric, groupByVar } from './group.js';
import { summarizeRun } from './summarize.js';
import { row, syntheticRun, syntheticRunAsync } from './test-support/synthetic-run.js';

// Baseline B and candidate C on four cases, scores hand-picked:
//   case:    0    1    2    3
//   B:       1    1    0.5  0
//   C:       1    0.5  1    0
// C vs B: tie, loss, win, tie. The 0.5 scores are marked failing, so the verdicts differ on cases 1 and 2.
const small: CaseResult[] = [
  row('B', 0, 1, { costUsd: 0.01 }),
  row('C', 0, 1, { costUsd: 0.002 }),
  row('B', 1, 1, { costUsd: 0.01 }),
  row('C', 1, 0.5, { costUsd: 0.002, pass: false }),
  row('B', 2, 0.5, { costUsd: 0.01, pass: false }),
  row('C', 2, 1, { costUsd: 0.002 }),
  row('B', 3, 0, { costUsd: 0.01 }),
  row('C', 3, 0, { costUsd: 0.002 }),
];

describe('summarizeRun on a hand-checked example', () => {
  it('computes per-model figures', async () => {
    const s = await summarizeRun(small, { baseline: 'B' });
    const [b, c] = s.models;
    expect(b!.model).toBe('B');
    expect(b!.cases).toBe(4);
    expect(b!.meanScore.value).toBe(0.625);
    expect(b!.passRate.value).toBe(0.5);
    expect(c!.meanScore.value).toBe(0.625);
    expect(b!.costUsd.total).toBeCloseTo(0.04);
    expect(b!.costUsd.perCase).toBeCloseTo(0.01);
    expect(b!.latencyMs).toEqual({ p50: 100, p95: 100 });
    expect(b!.tokens).toEqual({ prompt: 4, completion: 4, estimated: false });
    expect(b!.meanScore.low).toBeLessThanOrEqual(0.625);
    expect(b!.meanScore.high).toBeGreaterThanOrEqual(0.625);
  });

  it('compares the candidate with the baseline case by case', async () => {
    const s = await summarizeRun(small, { baseline: 'B' });
    expect(s.comparisons).toHaveLength(1);
    const cmp = s.comparisons[0]!;
    expect(cmp).toMatchObject({ model: 'C', baseline: 'B', wins: 1, ties: 2, losses: 1, pairedCases: 4 });
    expect(cmp.scoreDiff.value).toBe(0);
    expect(cmp.qualityRatio.value).toBe(1);
    expect(cmp.costRatio).toBeCloseTo(0.2);
    // Case 1: B passed, C failed; case 2: B failed, C passed.
    expect(cmp.disagreements).toEqual([1, 2]);
    expect(cmp.disagreementCount).toBe(2);
    expect(cmp.passDiff!.value).toBe(0);
  });

  it('pairs only the cases both models ran', async () => {
    const s = await summarizeRun([...small, row('C', 4, 1)], { baseline: 'B' });
    expect(s.models.find((m) => m.model === 'C')!.cases).toBe(5);
    expect(s.comparisons[0]!.pairedCases).toBe(4);
  });
});

describe('summarizeRun details', () => {
  it('averages repeats within a case before averaging cases', async () => {
    const rows = [row('A', 0, 1, { repeat: 0 }), row('A', 0, 0, { repeat: 1, pass: false }), row('A', 0, 0, { repeat: 2, pass: false }), row('A', 1, 1)];
    const s = await summarizeRun(rows);
    // Case means 1/3 and 1; the row mean would be 0.5.
    expect(s.models[0]!.meanScore.value).toBeCloseTo(2 / 3);
    expect(s.models[0]!.passRate.value).toBeCloseTo(2 / 3);
    expect(s.models[0]!.rows).toBe(4);
    expect(s.models[0]!.cases).toBe(2);
  });

  it('scores errors 0 and counts them', async () => {
    const rows = [row('A', 0, 1, { error: { kind: 'timeout', message: 't' }, pass: true }), row('A', 1, 1)];
    const s = await summarizeRun(rows);
    expect(s.models[0]!.meanScore.value).toBe(0.5);
    expect(s.models[0]!.passRate.value).toBe(0.5);
    expect(s.models[0]!.errors).toBe(1);
    expect(s.models[0]!.failures).toBe(0);
  });

  it('reads async streams like arrays', async () => {
    const opts = { models: [{ name: 'x', passRate: 0.6, costUsd: 0.001, latencyMs: 300 }], cases: 50 };
    const fromArray = await summarizeRun([...syntheticRun(opts)]);
    const fromStream = await summarizeRun(syntheticRunAsync(opts));
    expect(fromStream).toEqual(fromArray);
  });

  it('warns when the baseline has no results', async () => {
    const s = await summarizeRun(small, { baseline: 'Z' });
    expect(s.comparisons).toEqual([]);
    expect(s.warnings[0]).toMatch(/baseline Z has no results/);
  });

  it('caps the disagreement list but keeps the count', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => [row('B', i, 1), row('C', i, 0, { pass: false })]).flat();
    const cmp = (await summarizeRun(rows, { baseline: 'B', maxDisagreements: 2 })).comparisons[0]!;
    expect(cmp.disagreements).toEqual([0, 1]);
    expect(cmp.disagreementCount).toBe(5);
    expect(cmp.losses).toBe(5);
  });

  it('leaves the quality ratio undefined when the baseline scored 0', async () => {
    const rows = [row('B', 0, 0), row('C', 0, 1), row('B', 1, 0), row('C', 1, 0)];
    const cmp = (await summarizeRun(rows, { baseline: 'B' })).comparisons[0]!;
    expect(cmp.qualityRatio.value).toBeNaN();
    expect(cmp.scoreDiff.value).toBe(0.5);
  });

  it('orders models as asked, the rest by appearance', async () => {
    const s = await summarizeRun(small, { models: ['C'] });
    expect(s.models.map((m) => m.model)).toEqual(['C', 'B']);
  });

  it('flags estimated token counts', async () => {
    const s = await summarizeRun([row('A', 0, 1, { tokens: { prompt: 3, completion: 2, source: 'estimate' } })]);
    expect(s.models[0]!.tokens).toEqual({ prompt: 3, completion: 2, estimated: true });
  });

  it('is reproducible and independent of the other models in the run', async () => {
    const a = await summarizeRun(small, { baseline: 'B', seed: 11 });
    const b = await summarizeRun(small, { baseline: 'B', seed: 11 });
    expect(a).toEqual(b);
    const onlyB = await summarizeRun(small.filter((r) => r.model === 'B'), { seed: 11 });
    expect(onlyB.models[0]).toEqual(a.models[0]);
  });
});

describe('grouping', () => {
  it('summarises per group and compares within each group', async () => {
    const rows = [
      row('B', 0, 1, { vars: { category: 'jailbreak' } }),
      row('C', 0, 0, { vars: { category: 'jailbreak' }, pass: false }),
      row('B', 1, 0, { vars: { category: 'pii' }, pass: false }),
      row('C', 1, 1, { vars: { category: 'pii' } }),
      row('B', 2, 1, { vars: {} }),
      row('C', 2, 1, { vars: {} }),
    ];
    const s = await summarizeRun(rows, { baseline: 'B', groupBy: groupByVar('category') });
    expect(s.models.map((m) => m.cases)).toEqual([3, 3]);
    expect(s.groups!.map((g) => g.group)).toEqual(['jailbreak', 'pii']);
    const jb = s.groups![0]!;
    expect(jb.models.map((m) => [m.model, m.group, m.passRate.value])).toEqual([
      ['B', 'jailbreak', 1],
      ['C', 'jailbreak', 0],
    ]);
    expect(jb.comparisons[0]).toMatchObject({ model: 'C', losses: 1, disagreements: [0] });
  });

  it('scores each metric from its own assertions', async () => {
    const assertions = [
      { type: 'contains', pass: true, score: 1, weight: 1, reason: '', metric: 'accuracy' },
      { type: 'llm-rubric', pass: false, score: 0.2, weight: 3, reason: '', metric: 'tone' },
      { type: 'is-json', pass: true, score: 1, weight: 1, reason: '', metric: 'tone' },
    ];
    const s = await summarizeRun([row('A', 0, 0.5, { assertions })], { groupBy: groupByMetric() });
    const byGroup = Object.fromEntries(s.groups!.map((g) => [g.group, g.models[0]!]));
    expect(byGroup.accuracy!.meanScore.value).toBe(1);
    expect(byGroup.tone!.meanScore.value).toBeCloseTo((0.2 * 3 + 1) / 4);
    expect(byGroup.tone!.passRate.value).toBe(0);
  });
});
