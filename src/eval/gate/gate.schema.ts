/**
 * The `gate:` section a suite file may carry, in either of two forms:
 *
 *     gate: 'score >= 0.95*baseline, cost <= 0.5*baseline'
 *     gate:
 *       score: '>= 0.95*baseline'
 *       cost: '<= 0.5*baseline'
 *       lower(pass): ['>= 0.8', '>= 0.9*baseline']
 *
 * Both validate here (so a typo is a config error with a path) and become
 * the same checks through {@link normalizeGate}.
 */
import { z } from 'zod';
import { GATE_METRICS } from './metrics.js';
import { describeSyntaxError, parseGate, tryParseGate, type GateCheckSpec } from './parse.js';

/** Keys of the mapping form: metric names and their CI-bound forms. */
export const GATE_KEYS = [...GATE_METRICS, 'lower(score)', 'upper(score)', 'lower(pass)', 'upper(pass)'] as const;

const Expression = z.string().superRefine((text, ctx) => {
  const parsed = tryParseGate(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: describeSyntaxError(text, parsed.error).split('\n')[0] as string });
});

// A condition is the right-hand half of a check: validate it by parsing it behind a stand-in metric.
const Condition = z.string().superRefine((text, ctx) => {
  const parsed = tryParseGate(`score ${text}`);
  if (parsed.ok && parsed.checks.length === 1) return;
  const offset = parsed.ok ? Math.max(0, text.indexOf(',')) : Math.max(0, parsed.error.offset - 'score '.length);
  const message = parsed.ok ? 'expected one condition such as ">= 0.95*baseline"' : parsed.error.message;
  ctx.addIssue({ code: 'custom', message: `invalid condition "${text}" at column ${offset + 1}: ${message}` });
});

/** The gate as written in yaml: an expression list or a mapping of metric to condition(s). */
export const GateSchema = z.union([Expression, z.partialRecord(z.enum(GATE_KEYS), z.union([Condition, z.array(Condition).min(1)]))]);

/** The gate as written. */
export type WrittenGate = z.infer<typeof GateSchema>;

/** Turn either written form into checks (throws UsageError on a malformed condition). */
export function normalizeGate(gate: WrittenGate): GateCheckSpec[] {
  if (typeof gate === 'string') return parseGate(gate);
  const parts: string[] = [];
  for (const key of GATE_KEYS) {
    const value = gate[key];
    if (value === undefined) continue;
    for (const condition of Array.isArray(value) ? value : [value]) parts.push(`${key} ${condition}`);
  }
  return parts.flatMap((p) => parseGate(p));
}
