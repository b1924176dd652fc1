import { describe, expect, it } from 'vitest';
import { evaluateGate, parseGate } from '../eval/gate/index.js';
import { groupByVar, summarizeRun } from '../eval/stats/index.js';
import { row, syntheticRun } from '../eval/stats/test-support/synthetic-run.js';
import { pct, pctCI, qualityAtCost, signed, usd, ms } from './eval-format.js';
import { renderEvalJson } from './eval-json.js';
import { formatTable, renderEvalTable } from './eval-table.js';

const models = [
  { name: 'big', passRate: 0.9, costUsd: 0.01, latencyMs: 800 },
  { name: 'small', passRate: 0.85, costUsd: 0.0014, latencyMs: 200 },
  { name: 'tiny', passRate: 0.6, costUsd: 0.0005, latencyMs: 90 },
];

describe('formatting', () => {
  it('formats percentages, money, durations and signs', () => {
    expect(pct(0.873)).toBe('87%');
    expect(pct(0.02)).toBe('2%');
    expect(pct(0.025)).toBe('2.5%');
    expect(pct(Number.NaN)).toBe('n/a');
    expect(pctCI({ value: 0.87, low: 0.81, high: 0.93 })).toBe('87% (81-93%)');
    expect(usd(5)).toBe('$5.00');
    expect(usd(0.1)).toBe('$0.10');
    expect(usd(0.00214)).toBe('$0.0021');
    expect(usd(0)).toBe('$0');
    expect(ms(812.4)).toBe('812 ms');
    expect(ms(1240)).toBe('1.24 s');
    expect(signed(0.02)).toBe('+0.020');
    expect(signed(-0.0001)).toBe('+0.000');
  });

  it('says what an undefined ratio means', () => {
    const base = { model: 'c', baseline: 'b', scoreDiff: { value: 0, low: 0, high: 0 }, wins: 0, ties: 0, losses: 0, disagreements: [] };
    expect(qualityAtCost({ ...base, qualityRatio: { value: 0.87, low: 0.81, high: 0.93 }, costRatio: 0.14 })).toBe('reaches 87% (81-93%) of baseline quality at 14% of its cost');
    expect(qualityAtCost({ ...base, qualityRatio: { value: Number.NaN, low: Number.NaN, high: Number.NaN }, costRatio: Infinity })).toMatch(/undefined \(the baseline scored 0\), at a cost the baseline does not have/);
  });
});

describe('renderEvalTable', () => {
  it('shows models, baseline sentences and gate shortfalls', async () => {
    const summary = await summarizeRun(syntheticRun({ models, cases: 400 }), { baseline: 'big' });
    const gate = evaluateGate(parseGate('score >= 0.9*baseline, cost <= 0.5*baseline'), summary);
    const out = renderEvalTable({ ...summary, gate });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^model\s+cases\s+pass rate \(95% CI\)\s+mean score \(95% CI\)\s+cost\s+per case\s+p50\s+p95\s+tokens in\/out\s+errors$/);
    expect(lines[2]).toMatch(/^big \(baseline\)\s+400\s+\d+% \(\d+-\d+%\)\s+0\.\d{3} \(0\.\d{3}-0\.\d{3}\)\s+\$4\.00\s+\$0\.01\s+\d+ ms/);
    expect(out).toMatch(/against baseline big/);
    expect(out).toMatch(/small\s+reaches \d+% \(\d+-\d+%\) of baseline quality at 14% of its cost/);
    expect(out).toMatch(/W\/T\/L \d+\/\d+\/\d+, \d+ disagreements/);
    expect(out).toContain('gate: FAILED (1 of 2 candidates fell short)');
    expect(out).toMatch(/FAIL tiny\n {4}FAIL score >= 0\.9\*baseline: 0\.\d+ < 0\.\d+, short by 0\.\d+/);
  });

  it('aligns columns by code points', () => {
    expect(formatTable(['a', 'b'], [['≈1', 'x']], ['r', 'l'])).toBe(' a  b\n--  -\n≈1  x');
  });

  it('shows groups side by side', async () => {
    const rows = [row('B', 0, 1, { vars: { category: 'pii' } }), row('C', 0, 0, { pass: false, vars: { category: 'pii' } })];
    const s = await summarizeRun(rows, { baseline: 'B', groupBy: groupByVar('category') });
    expect(renderEvalTable(s)).toMatch(/group\s+B pass \(95% CI\)\s+C pass \(95% CI\)\n.*\npii\s+100% \(100-100%\) n=1\s+0% \(0-0%\) n=1/);
  });
});

describe('renderEvalJson', () => {
  it('writes a versioned envelope with null for undefined figures', async () => {
    const rows = [row('B', 0, 0, { costUsd: 0 }), row('C', 0, 1, { costUsd: 0.01 })];
    const summary = await summarizeRun(rows, { baseline: 'B' });
    const checks = parseGate('score >= 0.5');
    const doc = JSON.parse(renderEvalJson({ version: '0.1.0', ...summary, gate: { checks, results: evaluateGate(checks, summary) } }));
    expect(doc.schema).toBe('modelgate.eval/v1');
    expect(doc.tool).toEqual({ name: 'modelgate', version: '0.1.0' });
    expect(doc.method).toMatchObject({ interval: 'percentile bootstrap over cases', level: 0.95, resamples: 2000 });
    expect(doc.models).toHaveLength(2);
    expect(doc.comparisons[0].qualityRatio).toEqual({ value: null, low: null, high: null });
    expect(doc.comparisons[0].costRatio).toBeNull();
    expect(doc.gate).toMatchObject({ passed: true, checks: ['score >= 0.5'] });
  });
});
