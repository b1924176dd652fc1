/**
 * One unit of work: a case, rendered with one prompt, sent to one model
 * (one repeat). The call goes through the cache; the assertions grade the
 * output; the row that comes out is what the store keeps. A failed call is
 * recorded on the row (score 0, the failure kind and message) and the run
 * goes on; a call cancelled by Ctrl-C yields no row at all.
 */
import type { ProviderAdapter } from '../../providers/index.js';
import { evaluateAssertions } from '../assertions/evaluate.js';
import type { CodeScanner, GraderServices } from '../assertions/types.js';
import type { SuiteCase } from '../suite/types.js';
import type { CaseResult } from '../types.js';
import { callModel, type CallEnv } from './call.js';
import type { ModelTarget } from './models.js';
import type { CallPlan } from './request.js';

/** A model in a run: where to call it and how. */
export interface ModelRuntime {
  target: ModelTarget;
  adapter: ProviderAdapter;
}

/** One (case, prompt, model, repeat). */
export interface Task {
  testCase: SuiteCase;
  promptId: string;
  /** The rendered prompt as stored: text, or JSON of the chat messages. */
  promptText: string;
  plan: CallPlan;
  model: ModelRuntime;
  repeat: number;
}

/** What every task shares. */
export interface ExecEnv {
  runId: string;
  cache?: CallEnv['cache'];
  writes: Set<Promise<void>>;
  graders: GraderServices;
  codeScanner?: CodeScanner;
  signal?: AbortSignal;
}

/** Run a task; undefined when the run was cancelled before it finished. */
export async function executeTask(t: Task, env: ExecEnv): Promise<CaseResult | undefined> {
  const call = await callModel(t.plan, t.repeat, {
    adapter: t.model.adapter,
    target: t.model.target,
    writes: env.writes,
    ...(env.cache ? { cache: env.cache } : {}),
    ...(env.signal ? { signal: env.signal } : {}),
  });
  if (env.signal?.aborted) return undefined;
  const base = {
    runId: env.runId,
    caseIndex: t.testCase.index,
    promptId: t.promptId,
    model: t.model.target.label,
    repeat: t.repeat,
    ...(t.testCase.description !== undefined ? { description: t.testCase.description } : {}),
    vars: t.testCase.vars,
    prompt: t.promptText,
  };
  if (!call.ok) {
    return { ...base, output: null, error: call.error, pass: false, score: 0, assertions: [], latencyMs: call.latencyMs, tokens: { prompt: 0, completion: 0, source: 'estimate' }, costUsd: 0, cached: false };
  }
  const { reply } = call;
  const verdict = await evaluateAssertions(
    t.testCase.assert,
    {
      output: reply.output,
      vars: t.testCase.vars,
      prompt: t.promptText,
      latencyMs: reply.latencyMs,
      costUsd: reply.costUsd,
      costKnown: reply.costKnown,
      tokens: reply.tokens,
      cached: call.cached,
      model: t.model.target.label,
      graders: env.graders,
      ...(env.codeScanner ? { codeScanner: env.codeScanner } : {}),
      ...(env.signal ? { signal: env.signal } : {}),
      ...(reply.toolCalls ? { toolCalls: reply.toolCalls } : {}),
      ...(reply.reasoning !== undefined ? { reasoning: reply.reasoning } : {}),
    },
    t.testCase.threshold,
  );
  if (env.signal?.aborted) return undefined;
  const row: CaseResult = {
    ...base,
    output: reply.output,
    pass: verdict.pass,
    score: verdict.score,
    assertions: verdict.results,
    latencyMs: reply.latencyMs,
    tokens: reply.tokens,
    costUsd: reply.costUsd,
    cached: call.cached,
  };
  if (reply.ttftMs !== undefined) row.ttftMs = reply.ttftMs;
  if (verdict.error) row.error = { kind: 'assertion_error', message: verdict.error };
  return row;
}
