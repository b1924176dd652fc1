/**
 * Optional second grouping key beside the model. The red-team report groups
 * attacks by category (`groupByVar('category')`); a suite with named metrics
 * can score each metric separately (`groupByMetric()`), where a row then
 * contributes its metric's assertions rather than its overall score.
 */
import type { AssertionResult, CaseResult } from '../types.js';
import type { RowOutcome } from './case-table.js';

/** A group a row belongs to: a key alone (the row's own score and pass), or a key with its own outcome. */
export type GroupAssignment = string | ({ key: string } & RowOutcome);

/** Assigns a row to zero or more groups. */
export type GroupBy = (row: CaseResult) => GroupAssignment | readonly GroupAssignment[] | undefined;

/**
 * Group rows by the string value of one of their vars (rows without it are
 * left out of the grouping, not out of the per-model figures).
 * @example summarizeRun(rows, { groupBy: groupByVar('category') })
 */
export function groupByVar(name: string): GroupBy {
  return (row) => {
    const v = row.vars[name];
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  };
}

/**
 * Group by the `metric` named on assertions: each metric's outcome is the
 * weighted mean score and the all-passed verdict of that row's assertions
 * feeding it.
 */
export function groupByMetric(): GroupBy {
  return (row) => {
    const byMetric = new Map<string, AssertionResult[]>();
    for (const a of row.assertions) {
      if (a.metric === undefined || a.metric === '') continue;
      const list = byMetric.get(a.metric) ?? [];
      list.push(a);
      byMetric.set(a.metric, list);
    }
    return [...byMetric].map(([key, list]) => ({ key, ...combine(list) }));
  };
}

function combine(list: readonly AssertionResult[]): RowOutcome {
  let weight = 0;
  let sum = 0;
  for (const a of list) {
    const w = Number.isFinite(a.weight) && a.weight > 0 ? a.weight : 0;
    weight += w;
    sum += w * a.score;
  }
  // All-zero weights: fall back to a plain mean so the metric still has a score.
  const score = weight > 0 ? sum / weight : list.reduce((s, a) => s + a.score, 0) / list.length;
  return { score, pass: list.every((a) => a.pass) };
}

/** Normalise whatever a GroupBy returned into a list. */
export function assignments(groupBy: GroupBy, row: CaseResult): readonly GroupAssignment[] {
  const got = groupBy(row);
  if (got === undefined) return [];
  return typeof got === 'string' || !Array.isArray(got) ? [got as GroupAssignment] : got;
}
