// The upgrade gate: parse thresholds, check each candidate against them, say which fell short and by how much.
export { parseGate, tryParseGate, describeSyntaxError, GATE_OPERATORS } from './parse.js';
export type { GateCheckSpec, GateOperator, GateSyntaxError } from './parse.js';
export { evaluateGate, gatePassed, describeCheck } from './evaluate.js';
export type { GateCheckResult, GateResult, GateInput } from './evaluate.js';
export { GATE_METRICS, METRIC_DEFS, isGateMetric, formatMetric } from './metrics.js';
export type { GateMetric, GateBound, MetricDef } from './metrics.js';
export { GateSchema, GATE_KEYS, normalizeGate } from './gate.schema.js';
export type { WrittenGate } from './gate.schema.js';
