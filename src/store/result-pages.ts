/**
 * Streaming a run's results as keyset pages, for both dialects.
 *
 * Why pages rather than one long cursor: better-sqlite3's `stmt.iterate()`
 * keeps the connection busy until the iterator ends, so any write the
 * consumer makes between two rows (re-grading a run into a new one, caching
 * a response) would throw "connection is busy". A page is read in one
 * synchronous call, then the connection is free again. On PostgreSQL the same
 * pages need no dedicated pooled client or open transaction. Each page seeks
 * the primary-key index, so paging costs O(log n) per page, not O(offset).
 */
import type { CaseResult } from '../eval/types.js';
import { resultFromRow, RESULT_COLUMNS } from './rows.js';
import type { ResultRow } from './rows.js';
import type { ResultQuery } from './types.js';

/** Rows fetched per page: bounded memory, few round trips. */
export const PAGE_SIZE = 1000;

/** A row's position in iteration order: (caseIndex, promptId, model, repeat). */
export type ResultKey = [number, string, string, number];

/** The SQL for one page and its parameters. */
export interface PageQuery {
  sql: string;
  params: unknown[];
}

/**
 * Build the query for the page after `after` (or the first page), with
 * `?` placeholders for SQLite and `$n` for PostgreSQL.
 */
export function resultPageQuery(
  dialect: 'sqlite' | 'postgres',
  runId: string,
  query: ResultQuery,
  after: ResultKey | undefined,
  limit = PAGE_SIZE,
): PageQuery {
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return dialect === 'sqlite' ? '?' : `$${params.length}`;
  };
  const where = [`run_id = ${p(runId)}`];
  if (query.model !== undefined) where.push(`model = ${p(query.model)}`);
  if (query.caseIndex !== undefined) where.push(`case_index = ${p(query.caseIndex)}`);
  if (query.failedOnly) where.push(dialect === 'sqlite' ? '(pass = 0 OR error IS NOT NULL)' : '(NOT pass OR error IS NOT NULL)');
  if (after) where.push(`(case_index, prompt_id, model, repeat_index) > (${after.map(p).join(', ')})`);
  const sql =
    `SELECT ${RESULT_COLUMNS.join(', ')} FROM results WHERE ${where.join(' AND ')} ` +
    `ORDER BY case_index, prompt_id, model, repeat_index LIMIT ${p(limit)}`;
  return { sql, params };
}

/**
 * Yield results page by page; `fetchPage` runs one {@link resultPageQuery}.
 * Only one page is held in memory at a time.
 */
export async function* pagedResults(
  fetchPage: (after: ResultKey | undefined) => Promise<ResultRow[]> | ResultRow[],
  limit = PAGE_SIZE,
): AsyncGenerator<CaseResult> {
  let after: ResultKey | undefined;
  for (;;) {
    const rows = await fetchPage(after);
    for (const row of rows) yield resultFromRow(row);
    const last = rows[rows.length - 1];
    if (!last || rows.length < limit) return;
    after = [last.case_index, last.prompt_id, last.model, last.repeat_index];
  }
}
