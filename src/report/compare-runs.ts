/**
 * `modelgate compare RUN_A RUN_B`: what changed, case by case, between two
 * runs of the same suite (a new model version, a new prompt, a new
 * quantisation). Both runs stream once into per-case tables; the paired
 * score difference reuses the baseline comparison with run A as the baseline.
 */
import { accumulateRun, casePassed, compareTables, summarizeTable, type CaseTable, type ResultSource } from '../eval/stats/index.js';
import type { BaselineComparison, ModelSummary } from '../eval/types.js';
import { diffCI, ms, pct, scoreCI, usd } from './eval-format.js';
import { formatTable } from './eval-table.js';

/** How a case changed from run A to run B. */
export type ChangeKind = 'regressed' | 'fixed' | 'score';

/** One case of one model that changed. */
export interface CaseChange {
  model: string;
  caseIndex: number;
  kind: ChangeKind;
  scoreA: number;
  scoreB: number;
  delta: number;
}

/** One model in both runs. */
export interface ModelDelta {
  /** The model's label in run A (and in run B unless `modelB` says otherwise). */
  model: string;
  modelB?: string;
  a: ModelSummary;
  b: ModelSummary;
  /** B against A paired on shared cases (A is the "baseline"). */
  paired: BaselineComparison;
  onlyInA: number;
  onlyInB: number;
  regressed: number;
  fixed: number;
  scoreChanged: number;
}

/** The comparison of two runs. */
export interface RunComparison {
  models: ModelDelta[];
  /** Most important changes first (regressions, fixes, then by size); capped at `maxChanges`. */
  changes: CaseChange[];
  totalChanges: number;
  /** Models present in only one run. */
  onlyInA: string[];
  onlyInB: string[];
}

/** Options of {@link compareRuns}. */
export interface CompareRunsOptions {
  /** Changes listed at most (default 200); counts are always complete. */
  maxChanges?: number;
  /** Smallest score change listed for a case whose verdict did not flip (default 0.01). */
  minScoreDelta?: number;
  seed?: number;
  resamples?: number;
}

const KIND_ORDER: Record<ChangeKind, number> = { regressed: 0, fixed: 1, score: 2 };

/**
 * Compare run B with run A.
 * @example const cmp = await compareRuns(store.iterateResults(a), store.iterateResults(b));
 */
export async function compareRuns(a: ResultSource, b: ResultSource, options: CompareRunsOptions = {}): Promise<RunComparison> {
  const [ta, tb] = [(await accumulateRun(a, options)).models, (await accumulateRun(b, options)).models];
  const pairs = pairModels([...ta.keys()], [...tb.keys()]);
  const cap = options.maxChanges ?? 200;
  let changes: CaseChange[] = [];
  let totalChanges = 0;
  const models = pairs.map(([ma, mb]) => {
    const [x, y] = [ta.get(ma) as CaseTable, tb.get(mb) as CaseTable];
    const found = caseChanges(ma, x, y, options.minScoreDelta ?? 0.01);
    totalChanges += found.length;
    // Keep the list bounded: after each model only the best `cap` changes survive.
    changes = prune([...changes, ...found], cap);
    const delta: ModelDelta = {
      model: ma,
      a: summarizeTable(ma, x, options),
      b: summarizeTable(mb, y, options),
      paired: compareTables({ model: mb, baseline: ma }, y, x, { ...options, maxDisagreements: 0 }),
      onlyInA: countOnly(x, y),
      onlyInB: countOnly(y, x),
      regressed: found.filter((c) => c.kind === 'regressed').length,
      fixed: found.filter((c) => c.kind === 'fixed').length,
      scoreChanged: found.filter((c) => c.kind === 'score').length,
    };
    if (mb !== ma) delta.modelB = mb;
    return delta;
  });
  const paired = new Set(pairs.flat());
  return {
    models,
    changes,
    totalChanges,
    onlyInA: [...ta.keys()].filter((m) => !paired.has(m)),
    onlyInB: [...tb.keys()].filter((m) => !paired.has(m)),
  };
}

/** Same-named models pair up; two single-model runs pair whatever their names (model A vs model B). */
function pairModels(a: readonly string[], b: readonly string[]): [string, string][] {
  const common = a.filter((m) => b.includes(m)).map((m): [string, string] => [m, m]);
  if (common.length === 0 && a.length === 1 && b.length === 1) return [[a[0] as string, b[0] as string]];
  return common;
}

function caseChanges(model: string, a: CaseTable, b: CaseTable, minDelta: number): CaseChange[] {
  const out: CaseChange[] = [];
  const span = Math.min(a.span, b.span);
  for (let i = 0; i < span; i++) {
    if (!a.has(i) || !b.has(i)) continue;
    const [pa, pb] = [casePassed(a.casePass(i)), casePassed(b.casePass(i))];
    const [scoreA, scoreB] = [a.caseScore(i), b.caseScore(i)];
    const delta = scoreB - scoreA;
    const kind: ChangeKind | undefined = pa && !pb ? 'regressed' : !pa && pb ? 'fixed' : Math.abs(delta) >= minDelta ? 'score' : undefined;
    if (kind) out.push({ model, caseIndex: i, kind, scoreA, scoreB, delta });
  }
  return out;
}

function prune(list: CaseChange[], cap: number): CaseChange[] {
  return list
    .sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || Math.abs(y.delta) - Math.abs(x.delta) || x.caseIndex - y.caseIndex)
    .slice(0, cap);
}

function countOnly(x: CaseTable, y: CaseTable): number {
  let n = 0;
  for (let i = 0; i < x.span; i++) if (x.has(i) && !y.has(i)) n++;
  return n;
}

/** Text for a terminal: per-model deltas, then the changed cases. */
export function renderRunComparison(cmp: RunComparison, labels: readonly [string, string] = ['A', 'B']): string {
  const [la, lb] = labels;
  const arrow = (x: string, y: string): string => `${x} → ${y}`;
  const rows = cmp.models.map((m) => [
    m.modelB ? `${m.model} → ${m.modelB}` : m.model,
    arrow(pct(m.a.passRate.value), pct(m.b.passRate.value)),
    arrow(scoreCI(m.a.meanScore).split(' ')[0] as string, scoreCI(m.b.meanScore).split(' ')[0] as string),
    diffCI(m.paired.scoreDiff),
    arrow(usd(m.a.costUsd.perCase), usd(m.b.costUsd.perCase)),
    arrow(ms(m.a.latencyMs.p95), ms(m.b.latencyMs.p95)),
    `${m.regressed}/${m.fixed}/${m.scoreChanged}`,
  ]);
  const header = ['model', 'pass rate', 'mean score', 'score diff (95% CI, paired)', 'cost per case', 'p95', 'regressed/fixed/changed'];
  const lines = [`comparing ${lb} against ${la}`, formatTable(header, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r'])];
  for (const m of cmp.models) {
    if (m.onlyInA + m.onlyInB > 0) lines.push(`${m.model}: ${m.onlyInA} cases only in ${la}, ${m.onlyInB} only in ${lb} (left out of the paired figures)`);
  }
  if (cmp.onlyInA.length > 0) lines.push(`only in ${la}: ${cmp.onlyInA.join(', ')}`);
  if (cmp.onlyInB.length > 0) lines.push(`only in ${lb}: ${cmp.onlyInB.join(', ')}`);
  if (cmp.totalChanges === 0) return [...lines, '', 'no case changed its verdict or score'].join('\n');
  lines.push('', `changed cases${cmp.changes.length < cmp.totalChanges ? ` (showing ${cmp.changes.length} of ${cmp.totalChanges})` : ''}:`);
  const label: Record<ChangeKind, string> = { regressed: 'pass→fail', fixed: 'fail→pass', score: 'score' };
  const changeRows = cmp.changes.map((c) => [c.model, `#${c.caseIndex}`, label[c.kind], `${c.scoreA.toFixed(3)} → ${c.scoreB.toFixed(3)}`, `${c.delta >= 0 ? '+' : ''}${c.delta.toFixed(3)}`]);
  lines.push(formatTable(['model', 'case', 'change', 'score', 'delta'], changeRows, ['l', 'r', 'l', 'r', 'r']));
  return lines.join('\n');
}
