/**
 * JSON rendering of an eval run's figures: a stable, versioned envelope for
 * tools and dashboards. Undefined figures (NaN, an infinite cost ratio when
 * the baseline cost nothing) are written as `null`, so every number field is
 * `number | null` to a reader.
 */
import type { GateCheckSpec, GateResult } from '../eval/gate/index.js';
import { DEFAULT_RESAMPLES, DEFAULT_SEED, type GroupSummary } from '../eval/stats/index.js';
import type { BaselineComparison, ModelSummary, RunMeta } from '../eval/types.js';

/** Shape written by `--format json` / `--out report.json`. */
export interface EvalJson {
  schema: 'modelgate.eval/v1';
  tool: { name: 'modelgate'; version: string };
  run?: Pick<RunMeta, 'id' | 'suitePath' | 'suiteHash' | 'models' | 'baseline' | 'repeat' | 'startedAt' | 'kind'>;
  /** How the intervals were made, so a reader can reproduce them. */
  method: { interval: 'percentile bootstrap over cases'; level: number; resamples: number; seed: number };
  models: ModelSummary[];
  comparisons: BaselineComparison[];
  groups?: GroupSummary[];
  gate?: { passed: boolean; checks: string[]; results: GateResult[] };
  warnings: string[];
}

/** Everything the JSON report needs. */
export interface EvalJsonInput {
  version: string;
  run?: RunMeta;
  models: readonly ModelSummary[];
  comparisons: readonly BaselineComparison[];
  groups?: readonly GroupSummary[];
  warnings?: readonly string[];
  gate?: { checks: readonly GateCheckSpec[]; results: readonly GateResult[] };
  method?: { level?: number; resamples?: number; seed?: number };
}

/**
 * Render the run's figures as pretty JSON text.
 * @example await writeFile('eval.json', renderEvalJson({ version, run, ...summary }));
 */
export function renderEvalJson(input: EvalJsonInput): string {
  const doc: EvalJson = {
    schema: 'modelgate.eval/v1',
    tool: { name: 'modelgate', version: input.version },
    method: {
      interval: 'percentile bootstrap over cases',
      level: input.method?.level ?? 0.95,
      resamples: input.method?.resamples ?? DEFAULT_RESAMPLES,
      seed: input.method?.seed ?? DEFAULT_SEED,
    },
    models: [...input.models],
    comparisons: [...input.comparisons],
    warnings: [...(input.warnings ?? [])],
  };
  if (input.run) doc.run = pickRun(input.run);
  if (input.groups) doc.groups = [...input.groups];
  if (input.gate) {
    doc.gate = {
      passed: input.gate.results.every((r) => r.passed),
      checks: input.gate.checks.map((c) => c.expression),
      results: [...input.gate.results],
    };
  }
  // JSON.stringify already writes NaN and ±Infinity as null; the replacer only makes that a decision, not an accident.
  return `${JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

function pickRun(run: RunMeta): NonNullable<EvalJson['run']> {
  const { id, suitePath, suiteHash, models, baseline, repeat, startedAt, kind } = run;
  return { id, suitePath, suiteHash, models, baseline, repeat, startedAt, kind };
}
