/**
 * `javascript`: a JavaScript expression or function body over `output` and
 * `context` (vars, prompt, latency, cost). It may return a boolean, a number
 * (a score; passes at `threshold`, or above 0 without one) or
 * `{ pass, score, reason }`, and may be async. A suite that uses it runs its
 * code with this process's rights, like promptfoo's: suites are code.
 */
import { z } from 'zod';
import { defineAssertion, notEvaluated, outcome, preview } from './define.js';
import type { AssertionContext, AssertionOutcome } from './types.js';

type Check = (output: string, context: Record<string, unknown>) => unknown;

const compiled = new Map<string, Check | string>();

function compile(code: string): Check | string {
  let fn = compiled.get(code);
  if (fn === undefined) {
    // A single line without `return` is an expression, as in promptfoo.
    const body = !code.includes('\n') && !/\breturn\b/.test(code) ? `return (${code});` : code;
    try {
      fn = new Function('output', 'context', body) as Check;
    } catch (e) {
      fn = `does not compile: ${(e as Error).message}`;
    }
    if (compiled.size > 1000) compiled.clear();
    compiled.set(code, fn);
  }
  return fn;
}

function interpret(result: unknown, threshold: number | undefined): AssertionOutcome {
  if (typeof result === 'boolean') return outcome(result, `expression returned ${result}`);
  if (typeof result === 'number' && Number.isFinite(result)) {
    const pass = threshold === undefined ? result > 0 : result >= threshold;
    return { pass, score: Math.min(1, Math.max(0, result)), reason: `expression returned ${result}${threshold === undefined ? '' : ` (threshold ${threshold})`}` };
  }
  if (result && typeof result === 'object' && typeof (result as { pass?: unknown }).pass === 'boolean') {
    const r = result as { pass: boolean; score?: unknown; reason?: unknown };
    const score = typeof r.score === 'number' ? Math.min(1, Math.max(0, r.score)) : r.pass ? 1 : 0;
    return { pass: r.pass, score, reason: typeof r.reason === 'string' ? r.reason : `expression returned pass: ${r.pass}` };
  }
  return notEvaluated(`expression returned ${preview(String(JSON.stringify(result) ?? result), 40)}; expected a boolean, a number or { pass, score, reason }`);
}

export const javascriptAssertion = defineAssertion({
  type: 'javascript',
  title: 'JavaScript',
  description: 'A JavaScript expression or function body over `output` and `context` returns a boolean, a score or { pass, score, reason }.',
  options: z.object({ value: z.string().min(1), threshold: z.number().optional() }),
  templatedValue: false,
  async run(ctx: AssertionContext, { value, threshold }) {
    const fn = compile(value);
    if (typeof fn === 'string') return notEvaluated(`javascript ${fn}`);
    const context = { vars: ctx.vars, prompt: ctx.prompt, latencyMs: ctx.latencyMs, cost: ctx.costUsd, tokens: ctx.tokens, model: ctx.model };
    try {
      return interpret(await fn(ctx.output, context), threshold);
    } catch (e) {
      return notEvaluated(`javascript threw: ${(e as Error).message ?? String(e)}`);
    }
  },
});
