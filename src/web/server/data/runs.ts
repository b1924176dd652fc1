/** Runs for the dashboard: listings, a run with its summary, result pages, case transcripts and comparisons. */
import type { CaseResult, RunRecord } from '../../../eval/index.js';
import type { Store } from '../../../store/index.js';

/** Rows per results page. */
export const PAGE_SIZE = 50;

/** A run as listed. */
export type RunListItem = RunRecord & { suite: string };

/** Every run, newest first, with its suite's file name. */
export async function listRunItems(store: Store): Promise<RunListItem[]> {
  const runs = await store.listRuns();
  return runs.map((r) => ({ ...r, suite: suiteName(r.suitePath) }));
}

/** The last path segment of a suite path. */
export function suiteName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** One page of a run's results, optionally for one case. */
export async function resultPage(store: Store, runId: string, page: number, caseIndex?: number, failedOnly = false): Promise<{ page: number; pageSize: number; rows: CaseResult[]; more: boolean }> {
  const rows: CaseResult[] = [];
  const skip = page * PAGE_SIZE;
  let i = 0;
  let more = false;
  for await (const row of store.iterateResults(runId, { ...(caseIndex !== undefined ? { caseIndex } : {}), ...(failedOnly ? { failedOnly } : {}) })) {
    if (i++ < skip) continue;
    if (rows.length === PAGE_SIZE) {
      more = true;
      break;
    }
    rows.push(row);
  }
  return { page, pageSize: PAGE_SIZE, rows, more };
}

/** One row of a comparison: the same case (and prompt, model, repeat) in two runs. */
export interface CompareRow {
  key: string;
  caseIndex: number;
  model: string;
  description: string | undefined;
  a: Pick<CaseResult, 'pass' | 'score' | 'output' | 'latencyMs' | 'costUsd'> | undefined;
  b: Pick<CaseResult, 'pass' | 'score' | 'output' | 'latencyMs' | 'costUsd'> | undefined;
  change: 'fixed' | 'broke' | 'same' | 'only-a' | 'only-b';
}

const pick = (r: CaseResult) => ({ pass: r.pass, score: r.score, output: r.output, latencyMs: r.latencyMs, costUsd: r.costUsd });

/**
 * Compare two runs case by case. Rows pair on (case, prompt, model, repeat); when the runs share no model
 * (a candidate run against a baseline run) they pair on (case, prompt, repeat) instead.
 */
export async function compareRuns(store: Store, a: string, b: string, limit = 2_000): Promise<{ rows: CompareRow[]; truncated: boolean; counts: Record<CompareRow['change'], number> }> {
  const load = async (id: string) => {
    const rows: CaseResult[] = [];
    for await (const r of store.iterateResults(id)) if (rows.push(r) >= limit) break;
    return rows;
  };
  const [ra, rb] = await Promise.all([load(a), load(b)]);
  const shared = new Set(ra.map((r) => r.model)).size > 0 && ra.some((r) => rb.some((s) => s.model === r.model));
  const keyOf = (r: CaseResult) => `${r.caseIndex}|${r.promptId}|${shared ? r.model : ''}|${r.repeat}`;
  const byKey = new Map<string, CompareRow>();
  const counts = { fixed: 0, broke: 0, same: 0, 'only-a': 0, 'only-b': 0 };
  for (const r of ra) byKey.set(keyOf(r), { key: keyOf(r), caseIndex: r.caseIndex, model: r.model, description: r.description, a: pick(r), b: undefined, change: 'only-a' });
  for (const r of rb) {
    const row = byKey.get(keyOf(r));
    if (row) row.b = pick(r);
    else byKey.set(keyOf(r), { key: keyOf(r), caseIndex: r.caseIndex, model: r.model, description: r.description, a: undefined, b: pick(r), change: 'only-b' });
  }
  for (const row of byKey.values()) {
    if (row.a && row.b) row.change = row.a.pass === row.b.pass ? 'same' : row.b.pass ? 'fixed' : 'broke';
    counts[row.change]++;
  }
  const rows = [...byKey.values()].sort((x, y) => x.caseIndex - y.caseIndex || x.key.localeCompare(y.key));
  return { rows, truncated: ra.length >= limit || rb.length >= limit, counts };
}

/** A point of a suite's quality-versus-cost chart: one model in one run. */
export interface QualityPoint {
  runId: string;
  model: string;
  passRate: number;
  meanScore: number;
  costPerCase: number;
  startedAt: string;
}

/** Per suite, every model's latest quality and cost (from stored run summaries). */
export async function suitePoints(store: Store): Promise<{ suite: string; suitePath: string; kind: RunRecord['kind']; points: QualityPoint[] }[]> {
  const runs = await store.listRuns();
  const bySuite = new Map<string, { suite: string; suitePath: string; kind: RunRecord['kind']; points: Map<string, QualityPoint> }>();
  for (const r of runs) {
    const full = await store.getRun(r.id);
    const entry = bySuite.get(r.suitePath) ?? { suite: suiteName(r.suitePath), suitePath: r.suitePath, kind: r.kind, points: new Map() };
    bySuite.set(r.suitePath, entry);
    for (const m of full?.summary?.models ?? []) {
      // runs are newest first: the first point for a model is its latest
      if (m.group !== undefined || entry.points.has(m.model)) continue;
      entry.points.set(m.model, { runId: r.id, model: m.model, passRate: m.passRate.value, meanScore: m.meanScore.value, costPerCase: m.costUsd.perCase, startedAt: r.startedAt });
    }
  }
  return [...bySuite.values()].map((s) => ({ suite: s.suite, suitePath: s.suitePath, kind: s.kind, points: [...s.points.values()] }));
}
