/**
 * `llm-rubric`: a judge model grades the output against a rubric and answers
 * `{ reason, pass, score }` in JSON. The judge is the assertion's `provider`,
 * else the test's `options.provider`, else the suite's `judge:`. Its cost is
 * reported apart from the model under test. A judge that fails or answers
 * something unreadable makes the assertion unevaluated, not failed.
 */
import { z } from 'zod';
import { compileTemplate } from '../suite/template.js';
import { defineAssertion, notEvaluated, preview } from './define.js';
import { findJsonValues } from './json-text.js';
import type { AssertionOutcome } from './types.js';

const SYSTEM = [
  'You are grading the output of an AI system against a rubric.',
  'Judge only whether the output satisfies the rubric. Reply with a single JSON object and nothing else:',
  '{"reason": "<one or two sentences>", "pass": <true|false>, "score": <number from 0 to 1>}',
].join('\n');

const USER = '<rubric>\n{{ rubric }}\n</rubric>\n\n<output>\n{{ output }}\n</output>';

/** Read the judge's verdict: the first JSON object with a boolean `pass` or numeric `score`. */
export function readVerdict(text: string): { pass?: boolean; score?: number; reason: string } | undefined {
  for (const v of findJsonValues(text)) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const o = v as Record<string, unknown>;
    const pass = typeof o.pass === 'boolean' ? o.pass : undefined;
    const score = typeof o.score === 'number' && Number.isFinite(o.score) ? Math.min(1, Math.max(0, o.score)) : undefined;
    if (pass === undefined && score === undefined) continue;
    return { ...(pass !== undefined ? { pass } : {}), ...(score !== undefined ? { score } : {}), reason: typeof o.reason === 'string' ? o.reason : '' };
  }
  return undefined;
}

export const llmRubricAssertion = defineAssertion({
  type: 'llm-rubric',
  title: 'LLM rubric',
  description: 'A judge model grades the output against the rubric in `value` (JSON verdict: reason, pass, score). `threshold` makes pass mean score ≥ threshold. Judge: `provider`, the test `options.provider`, or the suite `judge:`.',
  options: z.object({
    value: z.string().min(1),
    threshold: z.number().min(0).max(1).optional(),
    provider: z.string().optional(),
    rubricPrompt: z.string().optional(),
  }),
  async run(ctx, { value, threshold, provider, rubricPrompt }): Promise<AssertionOutcome> {
    const tpl = compileTemplate(rubricPrompt ?? USER);
    if (!tpl.ok) return notEvaluated(`rubricPrompt: ${tpl.message}`);
    const user = tpl.template.render({ ...ctx.vars, rubric: value, output: ctx.output });
    const reply = await ctx.graders.complete(
      [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: user },
      ],
      provider,
    );
    if (!reply.ok) return notEvaluated(`judge unavailable: ${reply.message}`);
    const cost = reply.value.costUsd;
    const verdict = readVerdict(reply.value.text);
    if (!verdict) return { ...notEvaluated(`the judge's answer is not a JSON verdict: "${preview(reply.value.text, 60)}"`), judgeCostUsd: cost };
    const score = verdict.score ?? (verdict.pass ? 1 : 0);
    const pass = threshold !== undefined ? score >= threshold : (verdict.pass ?? score >= 0.5);
    return { pass, score, reason: `judge: ${verdict.reason || (pass ? 'meets the rubric' : 'does not meet the rubric')}`, judgeCostUsd: cost };
  },
});
