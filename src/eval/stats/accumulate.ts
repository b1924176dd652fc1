/**
 * One pass over a run's rows into per-(model, group) case tables. Works on
 * the store's async stream and on plain arrays alike.
 */
import type { CaseResult } from '../types.js';
import { CaseTable } from './case-table.js';
import { assignments, type GroupBy } from './group.js';
import { deriveSeed, DEFAULT_SEED } from './prng.js';

/** Rows from the store (async) or from memory. */
export type ResultSource = AsyncIterable<CaseResult> | Iterable<CaseResult>;

/** What to accumulate. */
export interface AccumulateOptions {
  groupBy?: GroupBy;
  seed?: number;
  /** Latencies kept per model before sampling (default 200,000). */
  latencyCapacity?: number;
}

/** The accumulated run: tables per model, and per group then model when grouping. */
export interface RunTables {
  /** Models in order of first appearance. */
  models: Map<string, CaseTable>;
  /** Group key → model → table, groups in order of first appearance. */
  groups: Map<string, Map<string, CaseTable>>;
}

/** Stream `results` once into case tables. */
export async function accumulateRun(results: ResultSource, options: AccumulateOptions = {}): Promise<RunTables> {
  const tables: RunTables = { models: new Map(), groups: new Map() };
  const seed = options.seed ?? DEFAULT_SEED;
  const make = (label: string): CaseTable => new CaseTable({ latencyCapacity: options.latencyCapacity, seed: deriveSeed(seed, label) });
  const tableIn = (map: Map<string, CaseTable>, model: string, label: string): CaseTable => {
    let t = map.get(model);
    if (!t) map.set(model, (t = make(label)));
    return t;
  };
  const add = (row: CaseResult): void => {
    tableIn(tables.models, row.model, row.model).add(row, row);
    if (!options.groupBy) return;
    for (const a of assignments(options.groupBy, row)) {
      const key = typeof a === 'string' ? a : a.key;
      let byModel = tables.groups.get(key);
      if (!byModel) tables.groups.set(key, (byModel = new Map()));
      tableIn(byModel, row.model, `${key}\u0000${row.model}`).add(row, typeof a === 'string' ? row : a);
    }
  };
  if (Symbol.asyncIterator in results) {
    for await (const row of results) add(row);
  } else {
    for (const row of results) add(row);
  }
  return tables;
}
