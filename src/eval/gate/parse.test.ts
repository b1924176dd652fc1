import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { parseGate, tryParseGate } from './parse.js';

describe('parseGate', () => {
  it('parses relative and absolute checks joined by commas', () => {
    const checks = parseGate('score >= 0.95*baseline, cost <= 0.5 * baseline,pass>0.8, latency_p95 < 2000, errors <= 1%');
    expect(checks.map((c) => c.expression)).toEqual([
      'score >= 0.95*baseline',
      'cost <= 0.5*baseline',
      'pass > 0.8',
      'latency_p95 < 2000',
      'errors <= 0.01',
    ]);
    expect(checks[0]).toEqual({ expression: 'score >= 0.95*baseline', metric: 'score', bound: 'value', op: '>=', factor: 0.95, relative: true });
    expect(checks[2]).toMatchObject({ metric: 'pass', op: '>', factor: 0.8, relative: false });
  });

  it('accepts CI bounds, bare baseline and baseline*factor', () => {
    const [a, b, c] = parseGate('lower(score) >= 0.9*baseline, upper( pass ) <= baseline, latency_p50 <= baseline*1.2');
    expect(a).toMatchObject({ metric: 'score', bound: 'lower', factor: 0.9, relative: true, expression: 'lower(score) >= 0.9*baseline' });
    expect(b).toMatchObject({ metric: 'pass', bound: 'upper', factor: 1, relative: true });
    expect(c).toMatchObject({ metric: 'latency_p50', factor: 1.2, relative: true });
  });

  it.each([
    ['', 0, /expected a check/],
    ['quality >= 0.9', 0, /expected a metric/],
    ['score => 0.9', 6, /expected an operator/],
    ['score >= x', 9, /expected a number or "baseline"/],
    ['score >= 0.9*base', 13, /expected "baseline" after/],
    ['score >= 0.9 cost <= 1', 13, /expected ","/],
    ['lower(cost) <= 1', 6, /confidence interval/],
    ['lower(score >= 1', 12, /expected "\)"/],
    ['score >= baseline*', 18, /expected a number after/],
  ])('rejects %j at offset %i', (text, offset, message) => {
    const parsed = tryParseGate(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.offset).toBe(offset);
    expect(parsed.error.message).toMatch(message);
  });

  it('throws a UsageError naming the expression and the column', () => {
    let error: unknown;
    try {
      parseGate('score >= 0.95*baseline, cost <== 0.5');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    const lines = (error as UsageError).message.split('\n');
    expect(lines[0]).toBe('invalid gate "score >= 0.95*baseline, cost <== 0.5" at column 32: expected a number or "baseline"');
    expect(lines[2]).toBe(`${' '.repeat(31)}^`);
    expect((error as UsageError).exitCode).toBe(2);
  });
});
