/** Synthetic result rows for tests and demos: known truths, seeded, generated lazily. */
import type { CaseResult } from '../../types.js';
import { createRng } from '../prng.js';

/** How one synthetic model behaves. */
export interface SyntheticModel {
  name: string;
  /** Probability that a row passes. */
  passRate: number;
  /** Cost of one row in USD. */
  costUsd: number;
  /** Median latency in ms (log-normal around it). */
  latencyMs: number;
  /** Probability that a row errors. */
  errorRate?: number;
}

/** Shape of a synthetic run. */
export interface SyntheticRunOptions {
  models: readonly SyntheticModel[];
  cases: number;
  repeats?: number;
  seed?: number;
  /** Output text for a row; defaults to a short sentence. */
  output?: (caseIndex: number, model: string) => string;
}

/** Rows in the store's order (case, prompt, model, repeat), generated on demand. */
export function* syntheticRun(options: SyntheticRunOptions): Generator<CaseResult> {
  const rng = createRng(options.seed ?? 7);
  const repeats = options.repeats ?? 1;
  for (let caseIndex = 0; caseIndex < options.cases; caseIndex++) {
    for (const m of options.models) {
      for (let repeat = 0; repeat < repeats; repeat++) {
        const errored = rng.next() < (m.errorRate ?? 0);
        const pass = !errored && rng.next() < m.passRate;
        const latencyMs = m.latencyMs * Math.exp(0.5 * normal(rng.next, rng.next));
        const row: CaseResult = {
          runId: 'run-synthetic',
          caseIndex,
          promptId: 'p1',
          model: m.name,
          repeat,
          description: `case ${caseIndex}`,
          vars: { topic: caseIndex % 3 === 0 ? 'math' : 'prose', i: caseIndex },
          prompt: `Question ${caseIndex}?`,
          output: errored ? null : (options.output?.(caseIndex, m.name) ?? `Answer ${caseIndex} from ${m.name}`),
          pass,
          score: pass ? 1 : 0,
          assertions: [{ type: 'contains', pass, score: pass ? 1 : 0, weight: 1, reason: pass ? 'found' : 'expected "42"', metric: 'accuracy' }],
          latencyMs,
          tokens: { prompt: 20, completion: 10, source: 'api' },
          costUsd: m.costUsd,
          cached: false,
        };
        if (errored) row.error = { kind: 'timeout', message: 'no answer within 30s' };
        yield row;
      }
    }
  }
}

/** Async view of the same rows, like the store's `iterateResults`. */
export async function* syntheticRunAsync(options: SyntheticRunOptions): AsyncGenerator<CaseResult> {
  for (const row of syntheticRun(options)) yield row;
}

/** A minimal row for hand-checked examples. */
export function row(model: string, caseIndex: number, score: number, extra: Partial<CaseResult> = {}): CaseResult {
  return {
    runId: 'r',
    caseIndex,
    promptId: 'p',
    model,
    repeat: 0,
    vars: {},
    prompt: 'q',
    output: 'a',
    pass: score >= 0.5,
    score,
    assertions: [],
    latencyMs: 100,
    tokens: { prompt: 1, completion: 1, source: 'api' },
    costUsd: 0.001,
    cached: false,
    ...extra,
  };
}

function normal(u: () => number, v: () => number): number {
  // Box-Muller; 1 - u avoids log(0).
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * v());
}
