/**
 * eval: every suite in `gate.evals` that names the model (or names no
 * models) meets its threshold. Runs go through `runEval`, so answers come
 * from the response cache when recorded and every run is kept in the store.
 * Digests: lock entry, the eval entries, each suite (its file and data files), the
 * provider config used to call the model (and the baseline), modelgate's version.
 */
import { resolve } from 'node:path';
import { describeCheck, loadSuite, runEval } from '../../eval/index.js';
import { digestOf, fileDigest } from '../digest.js';
import type { GateCheck, GateContext } from '../types.js';
import { baseInputs, providerInputs, result, targetOf } from './shared.js';

const entries = (ctx: GateContext, model: string) => (ctx.config.gate?.evals ?? []).filter((e) => !e.models || e.models.includes(model));

interface SuiteOutcome {
  suite: string;
  runId: string;
  passed: boolean;
  checks: unknown[];
  why: string;
}

async function runSuite(ctx: GateContext, model: string, e: ReturnType<typeof entries>[number]): Promise<SuiteOutcome> {
  const suite = await loadSuite(resolve(ctx.paths.baseDir, e.suite));
  const target = targetOf(ctx, model);
  if (e.threshold === undefined && suite.gate === undefined) return { suite: e.suite, runId: '', passed: false, checks: [], why: 'no threshold (set gate.evals[].threshold or the suite\'s gate:)' };
  const baseline = e.baseline !== undefined ? targetOf(ctx, e.baseline) : undefined;
  const r = await runEval({
    suite,
    models: baseline !== undefined && baseline !== target ? [target, baseline] : [target],
    ...(baseline !== undefined ? { baseline } : {}),
    ...(e.threshold !== undefined ? { gate: e.threshold } : {}),
    configPath: ctx.paths.configPath,
    env: ctx.env,
    ...(ctx.blobPath ? { blobPath: ctx.blobPath } : {}),
  });
  const mine = r.gate?.results.find((g) => g.model === target);
  if (r.status !== 'completed' || !mine) return { suite: e.suite, runId: r.runId, passed: false, checks: [], why: `run ${r.status}` };
  const short = mine.checks.filter((c) => !c.passed).map((c) => describeCheck(c));
  return { suite: e.suite, runId: r.runId, passed: mine.passed, checks: mine.checks, why: short.join(', ') };
}

/** The eval check. */
/** The suite's own hash covers its file and every CSV/JSONL it reads; a suite that does not load falls back to its bytes (the run then reports why). */
async function suiteDigest(path: string): Promise<string> {
  try {
    return (await loadSuite(path)).hash;
  } catch {
    return fileDigest(path);
  }
}

export const evalCheck: GateCheck = {
  id: 'eval',
  title: 'eval suites meet their thresholds',
  applies: (ctx, s) => (entries(ctx, s.model).length === 0 ? 'no gate.evals suite for this model' : undefined),
  async inputs(ctx, s) {
    const list = entries(ctx, s.model);
    const parts: Record<string, string> = { ...baseInputs(ctx, s), 'config.gate.evals': digestOf(list), [`provider:${targetOf(ctx, s.model)}`]: providerInputs(ctx, targetOf(ctx, s.model)) };
    for (const e of list) {
      parts[`suite:${e.suite}`] = await suiteDigest(resolve(ctx.paths.baseDir, e.suite));
      if (e.baseline !== undefined) parts[`provider:${targetOf(ctx, e.baseline)}`] = providerInputs(ctx, targetOf(ctx, e.baseline));
    }
    return parts;
  },
  async run(ctx, s) {
    const outcomes: SuiteOutcome[] = [];
    for (const e of entries(ctx, s.model)) outcomes.push(await runSuite(ctx, s.model, e));
    const failed = outcomes.filter((o) => !o.passed);
    const thresholds = entries(ctx, s.model).map((e) => ({ suite: e.suite, threshold: e.threshold ?? 'the suite\'s gate:', baseline: e.baseline ?? null }));
    const summary = failed.length === 0 ? `${outcomes.length} suite(s) passed` : failed.map((o) => `${o.suite}: ${o.why}`).join('; ');
    return result(failed.length === 0, summary, outcomes, thresholds);
  },
};
