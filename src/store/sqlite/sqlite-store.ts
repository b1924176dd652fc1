/**
 * The {@link Store} over embedded SQLite (better-sqlite3). Calls are
 * synchronous underneath; the async surface matches PostgreSQL's. Statements
 * are prepared once per connection and reused.
 */
import type Database from 'better-sqlite3';
import { InputError } from '../../core/index.js';
import type { CaseResult, RunMeta, RunRecord, RunStatus } from '../../eval/types.js';
import { multiRowInsertSql } from '../bulk-insert.js';
import { pagedResults, resultPageQuery } from '../result-pages.js';
import {
  cacheText, CACHED_COL, PASS_COL, RESULT_COLUMNS, resultValues, RUN_COLUMNS, RUN_SELECT, runFromRow, runIdsOf,
  runValues, runWithSummary,
} from '../rows.js';
import type { ResultRow, RunRow } from '../rows.js';
import type { CachedResponse, ResultQuery, RunSummaryRecord, Store } from '../types.js';
import { migrateSqlite } from './open-sqlite.js';

/**
 * Rows per multi-row INSERT. Binding 32 rows per native call instead of one
 * cut the per-row CPU cost by about a fifth in our measurements; 32 x 18
 * parameters stays far below SQLite's limit (32,766).
 */
const ROWS_PER_INSERT = 32;

/** Flat parameters for `n` rows from `start`; SQLite has no boolean type and the driver refuses JS booleans. */
function bindRows(rows: readonly CaseResult[], start: number, n: number): unknown[] {
  const params: unknown[] = [];
  for (let i = start; i < start + n; i++) {
    const r = rows[i] as CaseResult;
    const values: unknown[] = resultValues(r);
    values[PASS_COL] = r.pass ? 1 : 0;
    values[CACHED_COL] = r.cached ? 1 : 0;
    for (const v of values) params.push(v);
  }
  return params;
}

/** Per-run increments for the run counters. */
interface CountDelta {
  results: number;
  passed: number;
  errors: number;
}

/** Add the rows an INSERT ... RETURNING reported to the per-run increments. */
function tally(deltas: Map<string, CountDelta>, inserted: unknown[]): void {
  for (const row of inserted as { run_id: string; pass: number; errored: number }[]) {
    let d = deltas.get(row.run_id);
    if (!d) deltas.set(row.run_id, (d = { results: 0, passed: 0, errors: 0 }));
    d.results += 1;
    d.passed += row.pass;
    d.errors += row.errored;
  }
}

/** A {@link Store} backed by one better-sqlite3 connection. */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #where: string;
  readonly #now: () => Date;
  readonly #statements = new Map<string, Database.Statement>();
  #append: Database.Transaction<(rows: readonly CaseResult[]) => void> | undefined;

  /** Wrap an open connection; `where` (the file path) names the store in error messages. */
  constructor(db: Database.Database, where: string, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#where = where;
    this.#now = now;
  }

  async migrate(): Promise<void> {
    migrateSqlite(this.#db, this.#where, this.#now);
  }

  async createRun(meta: RunMeta): Promise<void> {
    const sql = multiRowInsertSql('runs', RUN_COLUMNS, 1, 'ON CONFLICT (id) DO NOTHING');
    if (this.#stmt(sql).run(...runValues(meta)).changes === 0) {
      throw new InputError('MG_EXISTS', this.#where, `run "${meta.id}" already exists`);
    }
  }

  async appendResults(results: readonly CaseResult[]): Promise<void> {
    if (results.length === 0) return;
    this.#append ??= this.#buildAppend();
    try {
      // IMMEDIATE takes the write lock up front, so a concurrent writer waits on the busy timeout instead of failing.
      this.#append.immediate(results);
    } catch (e) {
      if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new InputError('MG_INPUT_NOT_FOUND', this.#where, `appendResults: no run ${runIdsOf(results)}; call createRun first`, e);
      }
      throw e;
    }
  }

  async finishRun(runId: string, status: RunStatus, summary?: RunSummaryRecord): Promise<void> {
    const finishedAt = status === 'running' ? null : this.#now().toISOString();
    const sql = 'UPDATE runs SET status = ?, finished_at = ?, summary = COALESCE(?, summary) WHERE id = ?';
    const info = this.#stmt(sql).run(status, finishedAt, summary ? JSON.stringify(summary) : null, runId);
    if (info.changes === 0) throw new InputError('MG_INPUT_NOT_FOUND', this.#where, `finishRun: no run "${runId}"`);
  }

  async listRuns(options: { limit?: number; kind?: RunMeta['kind'] } = {}): Promise<RunRecord[]> {
    const params: unknown[] = [];
    let sql = `SELECT ${RUN_SELECT} FROM runs`;
    if (options.kind) {
      sql += ' WHERE kind = ?';
      params.push(options.kind);
    }
    sql += ' ORDER BY started_ms DESC, id DESC';
    if (options.limit !== undefined) {
      sql += ' LIMIT ?';
      params.push(options.limit);
    }
    return (this.#stmt(sql).all(...params) as RunRow[]).map(runFromRow);
  }

  async getRun(runId: string): Promise<(RunRecord & { summary?: RunSummaryRecord }) | undefined> {
    const row = this.#stmt(`SELECT ${RUN_SELECT}, summary FROM runs WHERE id = ?`).get(runId) as RunRow | undefined;
    return row ? runWithSummary(row) : undefined;
  }

  iterateResults(runId: string, query: ResultQuery = {}): AsyncIterable<CaseResult> {
    return pagedResults((after) => {
      const page = resultPageQuery('sqlite', runId, query, after);
      return this.#stmt(page.sql).all(...page.params) as ResultRow[];
    });
  }

  async cacheGet(key: string): Promise<CachedResponse | undefined> {
    const row = this.#stmt('SELECT value, created_at FROM response_cache WHERE key = ?').get(key) as
      | { value: string; created_at: string }
      | undefined;
    return row ? { value: JSON.parse(row.value) as unknown, createdAt: row.created_at } : undefined;
  }

  async cacheSet(key: string, value: unknown): Promise<void> {
    const sql =
      'INSERT INTO response_cache (key, value, created_at) VALUES (?, ?, ?) ' +
      'ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at';
    this.#stmt(sql).run(key, cacheText(key, value), this.#now().toISOString());
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  /** The underlying connection, for tests and maintenance (integrity checks, backups). */
  get database(): Database.Database {
    return this.#db;
  }

  #stmt(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) this.#statements.set(sql, (stmt = this.#db.prepare(sql)));
    return stmt;
  }

  /** One transaction per batch: rows and the run counters commit together or not at all. */
  #buildAppend(): Database.Transaction<(rows: readonly CaseResult[]) => void> {
    // A row already stored (same run, case, prompt, model, repeat) is kept; RETURNING lists only the rows
    // actually inserted, so re-sent rows are not counted twice.
    const insertSql = (n: number): string =>
      multiRowInsertSql('results', RESULT_COLUMNS, n, 'ON CONFLICT DO NOTHING RETURNING run_id, pass, error IS NOT NULL AS errored');
    const many = this.#stmt(insertSql(ROWS_PER_INSERT));
    const one = this.#stmt(insertSql(1));
    const bump = this.#stmt('UPDATE runs SET n_results = n_results + ?, n_passed = n_passed + ?, n_errors = n_errors + ? WHERE id = ?');
    return this.#db.transaction((rows: readonly CaseResult[]) => {
      const deltas = new Map<string, CountDelta>();
      let i = 0;
      for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) tally(deltas, many.all(...bindRows(rows, i, ROWS_PER_INSERT)));
      for (; i < rows.length; i++) tally(deltas, one.all(...bindRows(rows, i, 1)));
      for (const [runId, d] of deltas) bump.run(d.results, d.passed, d.errors, runId);
    });
  }
}
