/**
 * Running a case's assertions and folding them into the case's verdict.
 * Negation flips pass and score; an assertion that could not be evaluated
 * stays an error whatever its negation. The case score is the weighted mean
 * (weight 0 = informational: recorded, not counted); the case passes when
 * every counted assertion passes, or, with a test `threshold`, when the score
 * reaches it. Any error fails the case and is reported as its error.
 */
import type { AssertionResult } from '../types.js';
import type { CompiledAssertion } from './compile.js';
import type { AssertionContext, AssertionOutcome } from './types.js';

/** A case's verdict over its assertions. */
export interface CaseVerdict {
  pass: boolean;
  score: number;
  results: AssertionResult[];
  /** Reasons of assertions that could not be evaluated, joined. */
  error?: string;
  judgeCostUsd: number;
}

/** Run one compiled assertion on one output (value rendering and negation included). */
export async function runAssertion(a: CompiledAssertion, ctx: AssertionContext): Promise<AssertionOutcome> {
  let options = a.options;
  if (a.templated) {
    const parsed = a.descriptor.options.safeParse({ ...a.templated.fields, value: a.templated.value.render(ctx.vars) });
    if (!parsed.success) return { pass: false, score: 0, reason: `the rendered value is invalid: ${parsed.error.issues[0]?.message ?? 'bad value'}`, error: true };
    options = parsed.data;
  }
  let r: AssertionOutcome;
  try {
    r = await a.descriptor.run(ctx, options);
  } catch (e) {
    // Descriptors return values; a throw here is a bug in one, reported on the case rather than ending the run.
    r = { pass: false, score: 0, reason: `${a.base} failed unexpectedly: ${(e as Error).message}`, error: true };
  }
  if (!a.negate || r.error) return r;
  return { ...r, pass: !r.pass, score: 1 - r.score, reason: `not: ${r.reason}` };
}

/** Evaluate every assertion of a case and combine them. */
export async function evaluateAssertions(list: readonly CompiledAssertion[], ctx: AssertionContext, threshold?: number): Promise<CaseVerdict> {
  const outcomes = await Promise.all(list.map((a) => runAssertion(a, ctx)));
  const results: AssertionResult[] = [];
  const errors: string[] = [];
  let weighted = 0;
  let weights = 0;
  let allPass = true;
  let judgeCostUsd = 0;
  outcomes.forEach((o, i) => {
    const a = list[i] as CompiledAssertion;
    results.push({ type: a.type, pass: o.pass, score: o.score, weight: a.weight, reason: o.reason, ...(a.metric ? { metric: a.metric } : {}) });
    judgeCostUsd += o.judgeCostUsd ?? 0;
    if (o.error) errors.push(`${a.type}: ${o.reason}`);
    if (a.weight > 0) {
      weighted += a.weight * o.score;
      weights += a.weight;
      allPass &&= o.pass;
    }
  });
  if (errors.length > 0) return { pass: false, score: 0, results, error: errors.join('; '), judgeCostUsd };
  const score = weights > 0 ? weighted / weights : 1;
  const pass = threshold !== undefined ? score >= threshold : allPass;
  return { pass, score, results, judgeCostUsd };
}
