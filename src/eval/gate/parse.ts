/**
 * Gate expressions: `metric OP number[*baseline]` joined by commas, e.g.
 * `score >= 0.95*baseline, cost <= 0.5*baseline, lower(pass) >= 0.8`.
 *
 * `score` alone is the point estimate; `lower(score)` / `upper(score)` use
 * the end of its 95% interval (only score and pass have one). The point
 * estimate is the default because a gate on the lower bound fails small
 * suites for lack of evidence rather than lack of quality; `lower()` is the
 * stricter form for suites large enough to afford it.
 */
import { UsageError } from '../../core/errors.js';
import { isGateMetric, GATE_METRICS, type GateBound, type GateMetric, METRIC_DEFS } from './metrics.js';

/** Comparison operators a check may use. */
export const GATE_OPERATORS = ['>=', '<=', '>', '<'] as const;
/** A comparison operator. */
export type GateOperator = (typeof GATE_OPERATORS)[number];

/** One parsed check. */
export interface GateCheckSpec {
  /** The check in canonical form, e.g. `score >= 0.95*baseline`. */
  expression: string;
  metric: GateMetric;
  bound: GateBound;
  op: GateOperator;
  /** The number; with `relative`, the multiple of the baseline's value. */
  factor: number;
  relative: boolean;
}

/** A parse failure: what was expected, and where (0-based offset into the text). */
export interface GateSyntaxError {
  message: string;
  offset: number;
}

type Parsed = { ok: true; checks: GateCheckSpec[] } | { ok: false; error: GateSyntaxError };

/** Parse a comma-separated list of checks without throwing. */
export function tryParseGate(text: string): Parsed {
  const checks: GateCheckSpec[] = [];
  const s = new Scanner(text);
  s.skipSpace();
  if (s.done()) return fail('expected a check such as "score >= 0.95*baseline"', 0);
  for (;;) {
    const check = parseCheck(s);
    if ('message' in check) return { ok: false, error: check };
    checks.push(check);
    s.skipSpace();
    if (s.done()) return { ok: true, checks };
    if (!s.eat(',')) return fail('expected "," between checks', s.pos);
    s.skipSpace();
  }
}

/**
 * Parse a `--gate` value; a malformed one is a UsageError naming the
 * expression and pointing at the column.
 * @example parseGate('score >= 0.95*baseline, cost <= 0.5*baseline')
 */
export function parseGate(text: string): GateCheckSpec[] {
  const parsed = tryParseGate(text);
  if (!parsed.ok) throw new UsageError(describeSyntaxError(text, parsed.error));
  return parsed.checks;
}

/** `invalid gate "…" at column 10: expected …`, then the text with a caret under the column. */
export function describeSyntaxError(text: string, error: GateSyntaxError): string {
  const oneLine = text.replace(/\s/g, ' ');
  return [
    `invalid gate "${oneLine}" at column ${error.offset + 1}: ${error.message}`,
    oneLine,
    `${' '.repeat(error.offset)}^`,
  ].join('\n');
}

function fail(message: string, offset: number): Parsed {
  return { ok: false, error: { message, offset } };
}

function parseCheck(s: Scanner): GateCheckSpec | GateSyntaxError {
  const start = s.pos;
  const word = s.word();
  let bound: GateBound = 'value';
  let metricName = word;
  if ((word === 'lower' || word === 'upper') && s.peekAfterSpace() === '(') {
    s.skipSpace();
    s.eat('(');
    s.skipSpace();
    const at = s.pos;
    metricName = s.word();
    if (!isGateMetric(metricName)) return { message: `expected a metric (${GATE_METRICS.join(', ')})`, offset: at };
    if (!METRIC_DEFS[metricName].estimate) return { message: `${word}() needs a metric with a confidence interval (score or pass)`, offset: at };
    s.skipSpace();
    if (!s.eat(')')) return { message: 'expected ")"', offset: s.pos };
    bound = word;
  } else if (!isGateMetric(word)) {
    return { message: `expected a metric (${GATE_METRICS.join(', ')}) or lower(...)/upper(...)`, offset: start };
  }
  s.skipSpace();
  const op = s.operator();
  if (!op) return { message: 'expected an operator (>=, <=, >, <)', offset: s.pos };
  s.skipSpace();
  const threshold = parseThreshold(s);
  if ('message' in threshold) return threshold;
  const metric = metricName as GateMetric;
  const lhs = bound === 'value' ? metric : `${bound}(${metric})`;
  const rhs = threshold.relative ? `${threshold.factor}*baseline` : String(threshold.factor);
  return { expression: `${lhs} ${op} ${rhs}`, metric, bound, op, ...threshold };
}

/** `0.95*baseline`, `baseline*0.95`, `baseline`, `0.8`, `80%`. */
function parseThreshold(s: Scanner): { factor: number; relative: boolean } | GateSyntaxError {
  const at = s.pos;
  if (s.word() === 'baseline') {
    s.skipSpace();
    if (!s.eat('*')) return { factor: 1, relative: true };
    s.skipSpace();
    const n = s.number();
    return n === undefined ? { message: 'expected a number after "baseline*"', offset: s.pos } : { factor: n, relative: true };
  }
  s.pos = at;
  const n = s.number();
  if (n === undefined) return { message: 'expected a number or "baseline"', offset: at };
  const save = s.pos;
  s.skipSpace();
  if (!s.eat('*')) {
    s.pos = save;
    return { factor: n, relative: false };
  }
  s.skipSpace();
  const w = s.pos;
  if (s.word() !== 'baseline') return { message: 'expected "baseline" after "*"', offset: w };
  return { factor: n, relative: true };
}

/** A cursor over the expression text. */
class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }
  skipSpace(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }
  eat(ch: string): boolean {
    if (this.text[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }
  peekAfterSpace(): string | undefined {
    let p = this.pos;
    while (/\s/.test(this.text[p] ?? '')) p++;
    return this.text[p];
  }
  word(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    this.pos += m?.[0].length ?? 0;
    return m?.[0].toLowerCase() ?? '';
  }
  operator(): GateOperator | undefined {
    const two = this.text.slice(this.pos, this.pos + 2);
    const op = (GATE_OPERATORS as readonly string[]).find((o) => two.startsWith(o)) as GateOperator | undefined;
    if (op) this.pos += op.length;
    return op;
  }
  /** A decimal number, optionally with an exponent and a trailing `%` (divides by 100). */
  number(): number | undefined {
    const m = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(%)?/.exec(this.text.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    const n = Number(m[0].replace('%', ''));
    return m[4] ? n / 100 : n;
  }
}
