/** Generated runs and results for store tests and the benchmark. */
import type { CaseResult, RunMeta } from '../../eval/types.js';

/** A run's metadata; `n` varies the id and start time. */
export function makeRun(n: number, overrides: Partial<RunMeta> = {}): RunMeta {
  return {
    id: `run-${n}`,
    suitePath: 'evals/support.yaml',
    suiteHash: 'a'.repeat(64),
    models: ['candidate', 'baseline'],
    baseline: 'baseline',
    repeat: 1,
    concurrency: 4,
    startedAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
    config: { gate: { minQuality: 0.9 }, flags: ['--repeat', '1'], version: '0.1.0' },
    kind: 'eval',
    ...overrides,
  };
}

/** Rows per committed batch written by `store-child.ts` in `write` mode. */
export const CHILD_BATCH = 200;

const OUTPUT = 'The capital of France is Paris. '.repeat(8);

/**
 * Result number `i` of a run: models alternate, every 5th fails, every 7th
 * errored (no output), every 3rd carries the optional members.
 */
export function makeResult(runId: string, i: number, models = ['candidate', 'baseline']): CaseResult {
  const errored = i % 7 === 3;
  const model = models[i % models.length] as string;
  const r: CaseResult = {
    runId,
    caseIndex: Math.floor(i / models.length),
    promptId: 'p-main',
    model,
    repeat: 0,
    vars: { question: `What is the capital of country #${i}?`, n: i, nested: { ok: true } },
    prompt: `Answer briefly.\nQuestion: What is the capital of country #${i}?`,
    output: errored ? null : OUTPUT,
    pass: !errored && i % 5 !== 0,
    score: errored ? 0 : (i % 5) / 4,
    assertions: errored
      ? []
      : [
          { type: 'contains', pass: true, score: 1, weight: 1, reason: 'found "Paris"' },
          { type: 'llm-rubric', pass: i % 5 !== 0, score: (i % 5) / 4, weight: 2, reason: 'rubric', metric: 'accuracy' },
        ],
    latencyMs: 100 + (i % 50),
    tokens: { prompt: 20, completion: errored ? 0 : 40, source: 'api' },
    costUsd: 0.00012,
    cached: i % 11 === 0,
  };
  if (errored) r.error = { kind: 'timeout', message: 'no answer after 30000 ms' };
  if (i % 3 === 0) {
    r.description = `case ${r.caseIndex}`;
    r.ttftMs = 12.5;
    r.tokens = { ...r.tokens, cached: 8, source: 'tokenizer' };
  }
  return r;
}

/** Results `from`..`from+count-1` of a run. */
export function makeResults(runId: string, count: number, from = 0): CaseResult[] {
  return Array.from({ length: count }, (_, k) => makeResult(runId, from + k));
}
