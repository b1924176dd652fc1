/**
 * Apply gate checks to each candidate of a run. The baseline itself is not
 * gated; without a baseline every model is a candidate and relative checks
 * are a usage error.
 *
 * Relative checks on a CI bound (`lower(score) >= 0.95*baseline`) use the
 * paired ratio's interval from the baseline comparison: "with 95% confidence
 * the candidate keeps 95% of the baseline's quality" is a statement about the
 * ratio, and pairing by case makes that interval far narrower than comparing
 * two unpaired intervals. `actual` is then reported in the metric's own units
 * (ratio bound × baseline value) so the shortfall reads naturally.
 */
import { UsageError } from '../../core/errors.js';
import type { BaselineComparison, Estimate, ModelSummary } from '../types.js';
import { formatMetric, METRIC_DEFS, type GateMetric } from './metrics.js';
import type { GateCheckSpec, GateOperator } from './parse.js';

/** The outcome of one check for one model. */
export interface GateCheckResult {
  expression: string;
  metric: GateMetric;
  op: GateOperator;
  /** The candidate's value (or CI bound) for the metric; NaN when there was no data. */
  actual: number;
  /** The value the check compares against (the number, or factor × baseline value). */
  threshold: number;
  passed: boolean;
  /** How far the actual value is on the wrong side of the threshold; 0 when passed. */
  shortBy: number;
}

/** All checks for one candidate. */
export interface GateResult {
  model: string;
  passed: boolean;
  checks: GateCheckResult[];
}

/** The figures a gate reads (what `summarizeRun` returns). */
export interface GateInput {
  models: readonly ModelSummary[];
  comparisons: readonly BaselineComparison[];
  /** The baseline's name; defaults to the one the comparisons name. */
  baseline?: string;
}

const COMPARE: Record<GateOperator, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
};

/**
 * Evaluate `checks` for every candidate.
 * @example evaluateGate(parseGate('score >= 0.95*baseline'), await summarizeRun(rows, { baseline: 'big' }))
 */
export function evaluateGate(checks: readonly GateCheckSpec[], input: GateInput): GateResult[] {
  const baselineName = input.baseline ?? input.comparisons[0]?.baseline;
  const base = input.models.find((m) => m.model === baselineName);
  const relative = checks.find((c) => c.relative);
  if (relative && !base) {
    throw new UsageError(`gate "${relative.expression}" compares with the baseline, but this run has ${baselineName ? `no results for baseline ${baselineName}` : 'no baseline (use --baseline)'}`);
  }
  return input.models
    .filter((m) => m.model !== baselineName)
    .map((m) => {
      const comparison = input.comparisons.find((c) => c.model === m.model);
      const results = checks.map((c) => evaluateCheck(c, m, base, comparison));
      return { model: m.model, passed: results.every((r) => r.passed), checks: results };
    });
}

function evaluateCheck(check: GateCheckSpec, model: ModelSummary, base: ModelSummary | undefined, cmp: BaselineComparison | undefined): GateCheckResult {
  const def = METRIC_DEFS[check.metric];
  const baseValue = check.relative && base ? def.read(base) : Number.NaN;
  const threshold = check.relative ? check.factor * baseValue : check.factor;
  const actual = check.bound === 'value' ? def.read(model) : boundValue(check, model, baseValue, cmp);
  const passed = Number.isFinite(threshold) && !Number.isNaN(actual) && COMPARE[check.op](actual, threshold);
  const wrongSide = check.op === '>=' || check.op === '>' ? threshold - actual : actual - threshold;
  return {
    expression: check.expression,
    metric: check.metric,
    op: check.op,
    actual,
    threshold,
    passed,
    shortBy: passed ? 0 : Number.isNaN(wrongSide) ? Number.NaN : Math.max(0, wrongSide),
  };
}

function boundValue(check: GateCheckSpec, model: ModelSummary, baseValue: number, cmp: BaselineComparison | undefined): number {
  const side = check.bound === 'lower' ? 'low' : 'high';
  const ratio = check.relative ? pairedRatio(check.metric, cmp) : undefined;
  if (ratio && Number.isFinite(ratio[side]) && baseValue > 0) return ratio[side] * baseValue;
  // Absolute thresholds, or no usable paired ratio: the candidate's own interval.
  const own = METRIC_DEFS[check.metric].estimate?.(model);
  return own ? own[side] : Number.NaN;
}

function pairedRatio(metric: GateMetric, cmp: BaselineComparison | undefined): Estimate | undefined {
  if (!cmp) return undefined;
  if (metric === 'score') return cmp.qualityRatio;
  if (metric === 'pass') return cmp.passRatio;
  return undefined;
}

/** True when every candidate passed every check (exit code 0). */
export function gatePassed(results: readonly GateResult[]): boolean {
  return results.every((r) => r.passed);
}

/**
 * One line per check for people: `FAIL score >= 0.95*baseline: 0.812 < 0.855, short by 0.043`.
 */
export function describeCheck(r: GateCheckResult): string {
  const fmt = (x: number): string => formatMetric(r.metric, x);
  if (r.passed) return `pass ${r.expression}: ${fmt(r.actual)} ${r.op} ${fmt(r.threshold)}`;
  if (Number.isNaN(r.actual)) return `FAIL ${r.expression}: no data for ${METRIC_DEFS[r.metric].label}`;
  const negated = { '>=': '<', '>': '<=', '<=': '>', '<': '>=' }[r.op];
  return `FAIL ${r.expression}: ${fmt(r.actual)} ${negated} ${fmt(r.threshold)}, short by ${fmt(r.shortBy)}`;
}
