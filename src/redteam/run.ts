/**
 * `runRedteam`: compile the packs into an in-memory suite, run it through
 * `runEval` (same providers, cache, store, concurrency and Ctrl-C handling)
 * as a `redteam` run grouped by category, then derive the attack success
 * rates, the sensitive-topics tallies, the worst transcripts and the gate.
 */
import { runEval, type CaseResult, type FinishedRun, type LoadedSuite, type ModelSpec, type RunEvalOptions, type RunEvalResult } from '../eval/index.js';
import { compilePacks } from './compile.js';
import { answerCodeScanner } from './detectors/index.js';
import { checkThresholds, evaluateRedteamGate, type RedteamCheck } from './gate.js';
import { categoryRows, RowDigest, type CategoryRow, type SensitiveTally, type Transcript } from './report.js';
import type { RedteamConfig } from './schema.js';
import { selectPacks } from './select.js';
import type { ProbeLang } from './types.js';

/** Options of {@link runRedteam}; the CLI's flags map onto these. */
export interface RunRedteamOptions extends Pick<RunEvalOptions, 'concurrency' | 'cache' | 'configPath' | 'store' | 'storeUrl' | 'signal' | 'onProgress' | 'onStart' | 'env' | 'blobPath'> {
  model: string;
  baseline?: string;
  /** Built-in pack ids or pack file paths (default: every built-in pack). */
  packs?: string[];
  langs?: ProbeLang[];
  /** Probes per pack at most (a short run). */
  limit?: number;
  /** A judge model for the refusal and sensitive-topic detectors. */
  judge?: string;
  thresholds?: RedteamConfig['thresholds'];
  /** Request settings for every probe (default temperature 0, 512 tokens). */
  request?: LoadedSuite['request'];
  /** Models given with their provider config (labels must match `model` / `baseline`) instead of manifest names. */
  modelSpecs?: ModelSpec[];
  /** Called with the store open and the report built (report files). */
  afterRun?: (done: FinishedRun, report: RedteamFigures) => Promise<void>;
}

/** The red-team figures of a run (what report files show). */
export interface RedteamFigures {
  runId: string;
  status: RunEvalResult['status'];
  model: string;
  baseline?: string;
  categories: CategoryRow[];
  sensitive: SensitiveTally[];
  worst: Transcript[];
  /** Failed calls per model (left out of the rates). */
  errors: Record<string, number>;
  gate?: { passed: boolean; checks: RedteamCheck[] };
}

/** What {@link runRedteam} returns: the figures, and the eval run underneath. */
export interface RedteamReport extends RedteamFigures {
  eval: RunEvalResult;
}

/** Rows count toward their pack and pack/lang; controls apart; failed calls toward none. */
function groupBy(row: CaseResult): string[] | undefined {
  if (row.error) return undefined;
  const { category, lang, control } = row.vars;
  if (typeof category !== 'string') return undefined;
  return control === true ? [`${category}:control/${String(lang)}`] : [category, `${category}/${String(lang)}`];
}

/**
 * Red-team a model (against its baseline, when given).
 * @example const r = await runRedteam({ model: 'qwen2.5-7b', baseline: 'gpt-4o-mini', packs: ['leakage'], thresholds: { '*': 0.1 } });
 */
export async function runRedteam(o: RunRedteamOptions): Promise<RedteamReport> {
  if (o.thresholds) checkThresholds(o.thresholds);
  const packs = await selectPacks(o.packs);
  const suite = compilePacks(packs, { ...(o.langs ? { langs: o.langs } : {}), ...(o.limit ? { limit: o.limit } : {}), ...(o.judge ? { judge: o.judge } : {}), ...(o.request ? { request: o.request } : {}) });
  if (o.modelSpecs) suite.models = o.modelSpecs;
  const digest = new RowDigest(o.model);
  let report: RedteamFigures | undefined;
  const { afterRun, thresholds, model, baseline, modelSpecs, packs: _p, langs: _l, limit: _n, judge: _j, request: _r, ...shared } = o;
  const r = await runEval({
    ...shared,
    suite,
    ...(modelSpecs ? {} : { models: baseline !== undefined && baseline !== model ? [model, baseline] : [model] }),
    ...(baseline !== undefined ? { baseline } : {}),
    kind: 'redteam',
    groupBy,
    codeScanner: answerCodeScanner,
    afterRun: async (done) => {
      for await (const row of done.store.iterateResults(done.meta.id)) digest.add(row);
      const categories = categoryRows(done.summary, model, baseline);
      const checks = thresholds && done.status === 'completed' ? evaluateRedteamGate(categories, thresholds) : undefined;
      report = {
        runId: done.meta.id,
        status: done.status,
        model,
        ...(baseline !== undefined ? { baseline } : {}),
        categories,
        sensitive: [...digest.sensitive.values()],
        worst: digest.worst,
        errors: Object.fromEntries(digest.errors),
        ...(checks ? { gate: { passed: checks.every((c) => c.passed), checks } } : {}),
      };
      await afterRun?.(done, report);
    },
  });
  return { ...(report as RedteamFigures), eval: r };
}
