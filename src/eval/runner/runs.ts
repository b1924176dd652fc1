/**
 * Reading runs back: list them, and find one by id, unique id prefix, or
 * the words `latest` / `previous` (so `modelgate compare previous latest`
 * works without copying ids).
 */
import { UsageError } from '../../core/errors.js';
import type { CaseResult, RunRecord } from '../types.js';
import type { RunSummaryRecord, Store } from '../../store/index.js';
import { readProject, storeFor } from './setup.js';

/** A run as listed. */
export type RunListing = RunRecord & { summary?: RunSummaryRecord };

/** Where runs are read from. */
export interface RunStoreOptions {
  configPath?: string;
  storeUrl?: string;
  store?: Store;
}

/** Open the project's store (or use the caller's) for the duration of `fn`. */
export async function withRunStore<T>(o: RunStoreOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const project = await readProject(o.configPath);
  const { store, owned } = await storeFor(o, project);
  try {
    return await fn(store);
  } finally {
    if (owned) await store.close();
  }
}

/** Recent eval runs, newest first. */
export async function listRuns(o: RunStoreOptions & { limit?: number } = {}): Promise<RunRecord[]> {
  return withRunStore(o, (store) => store.listRuns({ limit: o.limit ?? 20, kind: 'eval' }));
}

/** Find a run by id, unique prefix, `latest` or `previous`; a UsageError says what matched instead. */
export async function findRun(store: Store, ref: string): Promise<RunListing> {
  const exact = await store.getRun(ref);
  if (exact) return exact;
  const recent = await store.listRuns({ limit: 1000, kind: 'eval' });
  const newest = [...recent].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
  const pick = ref === 'latest' ? newest[0] : ref === 'previous' ? newest[1] : undefined;
  const matches = pick ? [pick] : recent.filter((r) => r.id.startsWith(ref));
  if (matches.length === 1) return (await store.getRun((matches[0] as RunRecord).id)) as RunListing;
  if (matches.length === 0) throw new UsageError(`no run "${ref}" in the store (see \`modelgate runs\`)`);
  throw new UsageError(`"${ref}" matches ${matches.length} runs (${matches.slice(0, 3).map((m) => m.id).join(', ')}, ...); give more of the id`);
}

/** Stream a run's rows (case order). */
export function getRunRows(store: Store, runId: string): AsyncIterable<CaseResult> {
  return store.iterateResults(runId);
}
