import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import type { BaselineComparison, ModelSummary } from '../types.js';
import { describeCheck, evaluateGate, gatePassed } from './evaluate.js';
import { GateSchema, normalizeGate } from './gate.schema.js';
import { parseGate } from './parse.js';

function summary(model: string, score: number, perCase: number, extra: Partial<ModelSummary> = {}): ModelSummary {
  return {
    model,
    cases: 100,
    rows: 100,
    passRate: { value: score, low: score - 0.05, high: score + 0.05 },
    meanScore: { value: score, low: score - 0.05, high: score + 0.05 },
    errors: 0,
    costUsd: { total: perCase * 100, perCase },
    latencyMs: { p50: 400, p95: 900 },
    tokens: { prompt: 0, completion: 0, estimated: false },
    ...extra,
  };
}

const base = summary('big', 0.9, 0.01);
const good = summary('small', 0.88, 0.002);
const bad = summary('tiny', 0.8, 0.006, { errors: 3 });
const cmp = (model: string, ratio: number, low: number): BaselineComparison => ({
  model,
  baseline: 'big',
  scoreDiff: { value: 0, low: 0, high: 0 },
  wins: 0,
  ties: 0,
  losses: 0,
  qualityRatio: { value: ratio, low, high: ratio + 0.02 },
  costRatio: 0.2,
  disagreements: [],
});
const input = { models: [base, good, bad], comparisons: [cmp('small', 0.978, 0.94), cmp('tiny', 0.889, 0.85)] };

describe('evaluateGate', () => {
  it('passes and fails candidates and says by how much', () => {
    const results = evaluateGate(parseGate('score >= 0.95*baseline, cost <= 0.5*baseline, errors <= 0.01'), input);
    expect(results.map((r) => [r.model, r.passed])).toEqual([
      ['small', true],
      ['tiny', false],
    ]);
    const [score, cost, errors] = results[1]!.checks;
    expect(score).toMatchObject({ actual: 0.8, passed: false });
    expect(score!.threshold).toBeCloseTo(0.855);
    expect(score!.shortBy).toBeCloseTo(0.055);
    expect(cost).toMatchObject({ actual: 0.006, threshold: 0.005, passed: false });
    expect(cost!.shortBy).toBeCloseTo(0.001);
    expect(errors).toMatchObject({ actual: 0.03, passed: false });
    expect(gatePassed(results)).toBe(false);
    expect(describeCheck(score!)).toBe('FAIL score >= 0.95*baseline: 0.8 < 0.855, short by 0.055');
    expect(describeCheck(results[0]!.checks[1]!)).toBe('pass cost <= 0.5*baseline: $0.002 <= $0.005');
  });

  it('uses the paired ratio bound for lower() against the baseline', () => {
    const [small] = evaluateGate(parseGate('lower(score) >= 0.95*baseline'), input);
    // 0.94 * 0.9 = 0.846 < 0.855: the point estimate passes, the lower bound does not.
    expect(small!.checks[0]!.actual).toBeCloseTo(0.846);
    expect(small!.passed).toBe(false);
  });

  it('uses the model’s own interval for lower() against a number', () => {
    const [small] = evaluateGate(parseGate('lower(pass) >= 0.8'), input);
    expect(small!.checks[0]!.actual).toBeCloseTo(0.83);
    expect(small!.passed).toBe(true);
  });

  it('fails a check with no data instead of passing it', () => {
    const empty = summary('empty', Number.NaN, 0);
    const [r] = evaluateGate(parseGate('score >= 0.5'), { models: [empty], comparisons: [] });
    expect(r!.passed).toBe(false);
    expect(describeCheck(r!.checks[0]!)).toBe('FAIL score >= 0.5: no data for mean score');
  });

  it('treats relative checks without a baseline as a usage error', () => {
    expect(() => evaluateGate(parseGate('score >= 0.9*baseline'), { models: [good], comparisons: [] })).toThrow(UsageError);
    // Absolute checks gate every model when there is no baseline.
    expect(evaluateGate(parseGate('score >= 0.85'), { models: [good, bad], comparisons: [] }).map((r) => r.passed)).toEqual([true, false]);
  });
});

describe('gate yaml form', () => {
  it('accepts both forms and normalises them to the same checks', () => {
    const mapping = GateSchema.parse({ score: '>= 0.95*baseline', cost: '<= 0.5*baseline', 'lower(pass)': ['>= 0.8'] });
    const text = GateSchema.parse('score >= 0.95*baseline, cost <= 0.5*baseline, lower(pass) >= 0.8');
    expect(normalizeGate(mapping)).toEqual(normalizeGate(text));
  });

  it('reports bad keys and bad conditions with their path', () => {
    const r = GateSchema.safeParse({ score: '>= 0.95*basline', quality: '>= 1' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    expect(messages).toMatch(/invalid condition ">= 0.95\*basline" at column 9: expected "baseline" after "\*"/);
    const bad = GateSchema.safeParse('score >> 1');
    expect(bad.success).toBe(false);
  });
});
