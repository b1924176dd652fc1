/**
 * What a gate can test, and how each metric reads off a model's summary.
 * One table keyed by metric name, so adding a metric is one entry here (and
 * `tsc` points at anything that must learn about it).
 */
import type { Estimate, ModelSummary } from '../types.js';

/** Metric names a gate expression may use. */
export const GATE_METRICS = ['score', 'pass', 'cost', 'latency_p50', 'latency_p95', 'errors'] as const;
/** A metric a gate expression may use. */
export type GateMetric = (typeof GATE_METRICS)[number];

/** Which end of the estimate a check reads: the point estimate or a CI bound. */
export type GateBound = 'value' | 'lower' | 'upper';

/** How a metric is read and shown. */
export interface MetricDef {
  /** Words for messages: "mean score". */
  label: string;
  unit: 'fraction' | 'usd' | 'ms';
  read: (s: ModelSummary) => number;
  /** Present for metrics that carry a confidence interval, so `lower()`/`upper()` apply. */
  estimate?: (s: ModelSummary) => Estimate;
}

/** Every gate metric, keyed by name. */
export const METRIC_DEFS: Record<GateMetric, MetricDef> = {
  score: { label: 'mean score', unit: 'fraction', read: (s) => s.meanScore.value, estimate: (s) => s.meanScore },
  pass: { label: 'pass rate', unit: 'fraction', read: (s) => s.passRate.value, estimate: (s) => s.passRate },
  cost: { label: 'cost per case', unit: 'usd', read: (s) => s.costUsd.perCase },
  latency_p50: { label: 'p50 latency', unit: 'ms', read: (s) => s.latencyMs.p50 },
  latency_p95: { label: 'p95 latency', unit: 'ms', read: (s) => s.latencyMs.p95 },
  // Rows, not cases: one timeout among five repeats is one error in five.
  errors: { label: 'error rate', unit: 'fraction', read: (s) => (s.rows ? s.errors / s.rows : s.cases ? s.errors / s.cases : 0) },
};

/** True for a known metric name. */
export function isGateMetric(name: string): name is GateMetric {
  return (GATE_METRICS as readonly string[]).includes(name);
}

/** Format a metric value for a message: 0.873, $0.0021, 812 ms. */
export function formatMetric(metric: GateMetric, value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const unit = METRIC_DEFS[metric].unit;
  if (unit === 'usd') return `$${significant(value)}`;
  if (unit === 'ms') return `${value >= 100 ? Math.round(value) : significant(value)} ms`;
  return significant(value);
}

function significant(x: number): string {
  if (x === 0) return '0';
  const digits = Math.abs(x) >= 1 ? 4 : 3;
  return String(Number(x.toPrecision(digits)));
}
