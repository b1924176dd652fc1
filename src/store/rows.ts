/**
 * Mapping between the data model and table rows, shared by both dialects so
 * a column is named and encoded in exactly one place.
 */
import { InputError } from '../core/index.js';
import type { CaseError, CaseResult, RunMeta, RunRecord, RunStatus } from '../eval/types.js';
import type { RunSummaryRecord } from './types.js';

/** Columns of `results` in insert order; {@link resultValues} yields values in the same order. */
export const RESULT_COLUMNS = [
  'run_id', 'case_index', 'prompt_id', 'model', 'repeat_index', 'description', 'vars', 'prompt', 'output',
  'error', 'pass', 'score', 'assertions', 'latency_ms', 'ttft_ms', 'tokens', 'cost_usd', 'cached',
] as const;

/** Index of `pass` in a values tuple (SQLite binds it as 0/1). */
export const PASS_COL = RESULT_COLUMNS.indexOf('pass');
/** Index of `cached` in a values tuple (SQLite binds it as 0/1). */
export const CACHED_COL = RESULT_COLUMNS.indexOf('cached');

type Nullable<T> = T | null;

/** One `results` row as bound parameters, in {@link RESULT_COLUMNS} order. */
export type ResultValues = [
  string, number, string, string, number, Nullable<string>, string, string, Nullable<string>,
  Nullable<string>, boolean, number, string, number, Nullable<number>, string, number, boolean,
];

/** Encode a result for insertion. */
export function resultValues(r: CaseResult): ResultValues {
  return [
    r.runId, r.caseIndex, r.promptId, r.model, r.repeat, r.description ?? null, JSON.stringify(r.vars), r.prompt, r.output,
    r.error ? JSON.stringify(r.error) : null, r.pass, r.score, JSON.stringify(r.assertions), r.latencyMs, r.ttftMs ?? null,
    JSON.stringify(r.tokens), r.costUsd, r.cached,
  ];
}

/** A `results` row as either driver returns it (SQLite gives 0/1 where PostgreSQL gives booleans). */
export interface ResultRow {
  run_id: string;
  case_index: number;
  prompt_id: string;
  model: string;
  repeat_index: number;
  description: string | null;
  vars: string;
  prompt: string;
  output: string | null;
  error: string | null;
  pass: number | boolean;
  score: number;
  assertions: string;
  latency_ms: number;
  ttft_ms: number | null;
  tokens: string;
  cost_usd: number;
  cached: number | boolean;
}

/** Decode a `results` row. */
export function resultFromRow(row: ResultRow): CaseResult {
  const out: CaseResult = {
    runId: row.run_id,
    caseIndex: row.case_index,
    promptId: row.prompt_id,
    model: row.model,
    repeat: row.repeat_index,
    vars: JSON.parse(row.vars) as CaseResult['vars'],
    prompt: row.prompt,
    output: row.output,
    pass: Boolean(row.pass),
    score: row.score,
    assertions: JSON.parse(row.assertions) as CaseResult['assertions'],
    latencyMs: row.latency_ms,
    tokens: JSON.parse(row.tokens) as CaseResult['tokens'],
    costUsd: row.cost_usd,
    cached: Boolean(row.cached),
  };
  // Optional members are left out rather than set to undefined, so records compare equal after a round trip.
  if (row.description !== null) out.description = row.description;
  if (row.error !== null) out.error = JSON.parse(row.error) as CaseError;
  if (row.ttft_ms !== null) out.ttftMs = row.ttft_ms;
  return out;
}

/** Columns of `runs` written by `createRun`, in the order of {@link runValues}. */
export const RUN_COLUMNS = [
  'id', 'kind', 'suite_path', 'suite_hash', 'description', 'models', 'baseline', 'repeat_count', 'concurrency',
  'started_at', 'started_ms', 'config', 'status',
] as const;

/** Encode a new run (status `running`, zero counts). */
export function runValues(meta: RunMeta): unknown[] {
  const startedMs = Date.parse(meta.startedAt);
  if (Number.isNaN(startedMs)) throw new InputError('MG_INPUT_INVALID', undefined, `run ${meta.id}: startedAt "${meta.startedAt}" is not a date`);
  return [
    meta.id, meta.kind, meta.suitePath, meta.suiteHash, meta.description ?? null, JSON.stringify(meta.models), meta.baseline ?? null,
    meta.repeat, meta.concurrency, meta.startedAt, startedMs, JSON.stringify(meta.config), 'running',
  ];
}

/** A `runs` row as selected by {@link RUN_SELECT}. */
export interface RunRow {
  id: string;
  kind: RunMeta['kind'];
  suite_path: string;
  suite_hash: string;
  description: string | null;
  models: string;
  baseline: string | null;
  repeat_count: number;
  concurrency: number;
  started_at: string;
  config: string;
  status: RunStatus;
  finished_at: string | null;
  n_results: number;
  n_passed: number;
  n_errors: number;
  summary?: string | null;
}

/** The `runs` columns a listing needs (the summary is fetched only by `getRun`). */
export const RUN_SELECT =
  'id, kind, suite_path, suite_hash, description, models, baseline, repeat_count, concurrency, started_at, config, status, ' +
  'finished_at, n_results, n_passed, n_errors';

/** Decode a `runs` row. */
export function runFromRow(row: RunRow): RunRecord {
  const out: RunRecord = {
    id: row.id,
    kind: row.kind,
    suitePath: row.suite_path,
    suiteHash: row.suite_hash,
    models: JSON.parse(row.models) as string[],
    repeat: row.repeat_count,
    concurrency: row.concurrency,
    startedAt: row.started_at,
    config: JSON.parse(row.config) as RunMeta['config'],
    status: row.status,
    counts: { results: row.n_results, passed: row.n_passed, errors: row.n_errors },
  };
  if (row.description !== null) out.description = row.description;
  if (row.baseline !== null) out.baseline = row.baseline;
  if (row.finished_at !== null) out.finishedAt = row.finished_at;
  return out;
}

/** Decode a run with its stored summary, as `getRun` returns it. */
export function runWithSummary(row: RunRow): RunRecord & { summary?: RunSummaryRecord } {
  const run: RunRecord & { summary?: RunSummaryRecord } = runFromRow(row);
  if (row.summary) run.summary = JSON.parse(row.summary) as RunSummaryRecord;
  return run;
}

/** JSON text for a cache value; `undefined` and functions have no JSON form, which is a caller bug. */
export function cacheText(key: string, value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError(`cacheSet(${key}): the value has no JSON form`);
  return text;
}

/** The distinct run ids of a batch, for messages. */
export function runIdsOf(results: readonly CaseResult[]): string {
  return [...new Set(results.map((r) => `"${r.runId}"`))].join(', ');
}
