/**
 * The statistics of a run: per model (and per group, when asked) pass rate
 * and mean score with bootstrap intervals over cases, cost, latency and
 * tokens; then each candidate against the baseline. One pass over the rows.
 */
import type { BaselineComparison, ModelSummary } from '../types.js';
import { accumulateRun, type AccumulateOptions, type ResultSource } from './accumulate.js';
import { bootstrapFromMeans, type BootstrapOptions } from './bootstrap.js';
import type { CaseTable } from './case-table.js';
import { compareTables, type CompareOptions } from './compare.js';
import { deriveSeed, DEFAULT_SEED } from './prng.js';

/** Options of {@link summarizeRun}. */
export interface SummarizeOptions extends AccumulateOptions, Omit<CompareOptions, 'seed'> {
  /** Model every other model is compared with. */
  baseline?: string;
  /** Preferred model order (e.g. `RunMeta.models`); models not named follow in order of appearance. */
  models?: readonly string[];
}

/** Figures for one group (e.g. a red-team category), shaped like the whole run's. */
export interface GroupSummary {
  group: string;
  models: ModelSummary[];
  comparisons: BaselineComparison[];
}

/** What {@link summarizeRun} returns. */
export interface RunSummary {
  models: ModelSummary[];
  comparisons: BaselineComparison[];
  /** Present when `groupBy` was given. */
  groups?: GroupSummary[];
  /** Things a reader should know (e.g. the baseline has no results). */
  warnings: string[];
}

/**
 * Summarise a run from its rows in one pass.
 * @example const s = await summarizeRun(store.iterateResults(runId), { baseline: 'gpt-4o' });
 */
export async function summarizeRun(results: ResultSource, options: SummarizeOptions = {}): Promise<RunSummary> {
  const tables = await accumulateRun(results, options);
  const warnings: string[] = [];
  if (options.baseline !== undefined && !tables.models.has(options.baseline)) {
    warnings.push(`baseline ${options.baseline} has no results in this run; no comparisons were made`);
  }
  const summary: RunSummary = { ...summarizeTables(tables.models, options), warnings };
  if (options.groupBy) {
    summary.groups = [...tables.groups].map(([group, byModel]) => ({ group, ...summarizeTables(byModel, options, group) }));
  }
  return summary;
}

/** Summaries and comparisons for one set of per-model tables. */
export function summarizeTables(
  byModel: ReadonlyMap<string, CaseTable>,
  options: SummarizeOptions,
  group?: string,
): { models: ModelSummary[]; comparisons: BaselineComparison[] } {
  const order = orderModels([...byModel.keys()], options.models);
  const seed = options.seed ?? DEFAULT_SEED;
  const scope = group === undefined ? '' : `${group}\u0000`;
  const models = order.map((m) => summarizeTable(m, byModel.get(m) as CaseTable, { ...options, seed: deriveSeed(seed, `summary:${scope}${m}`) }, group));
  const base = options.baseline === undefined ? undefined : byModel.get(options.baseline);
  const comparisons =
    base === undefined
      ? []
      : order
          .filter((m) => m !== options.baseline)
          .map((m) =>
            compareTables({ model: m, baseline: options.baseline as string }, byModel.get(m) as CaseTable, base, {
              ...options,
              seed: deriveSeed(seed, `compare:${scope}${m}`),
            }),
          );
  return { models, comparisons };
}

/** One model's figures from its case table. */
export function summarizeTable(model: string, table: CaseTable, options: BootstrapOptions = {}, group?: string): ModelSummary {
  const cols = table.columns();
  const [passRate, meanScore] = bootstrapFromMeans([cols.pass, cols.score], [(m) => m[0] as number, (m) => m[1] as number], options);
  const summary: ModelSummary = {
    model,
    cases: table.cases,
    passRate: passRate as ModelSummary['passRate'],
    meanScore: meanScore as ModelSummary['meanScore'],
    errors: table.errors,
    costUsd: { total: table.costUsd, perCase: table.cases === 0 ? 0 : table.costUsd / table.cases },
    latencyMs: { p50: table.latency.quantile(0.5), p95: table.latency.quantile(0.95) },
    tokens: { prompt: table.promptTokens, completion: table.completionTokens, estimated: table.estimatedTokens },
    rows: table.rows,
    failures: table.failures,
  };
  if (table.latency.sampled) summary.latencySampled = true;
  if (group !== undefined) summary.group = group;
  return summary;
}

function orderModels(seen: readonly string[], preferred: readonly string[] = []): string[] {
  const present = new Set(seen);
  const first = preferred.filter((m) => present.has(m));
  const named = new Set(first);
  return [...first, ...seen.filter((m) => !named.has(m))];
}
