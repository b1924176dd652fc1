/**
 * The {@link Store} over PostgreSQL (node-postgres pool), for several
 * processes sharing one database. Same tables and row mapping as SQLite.
 */
import type { Pool } from 'pg';
import { InputError } from '../../core/index.js';
import type { CaseResult, RunMeta, RunRecord, RunStatus } from '../../eval/types.js';
import { toColumns, unnestInsertSql } from '../bulk-insert.js';
import { pagedResults, resultPageQuery } from '../result-pages.js';
import { cacheText, RESULT_COLUMNS, resultValues, RUN_COLUMNS, RUN_SELECT, runFromRow, runIdsOf, runValues, runWithSummary } from '../rows.js';
import type { ResultRow, RunRow } from '../rows.js';
import type { CachedResponse, ResultQuery, RunSummaryRecord, Store } from '../types.js';
import { migratePostgres } from './open-postgres.js';

/** Element type of each `results` column, in RESULT_COLUMNS order, for the `unnest` casts. */
const RESULT_TYPES = [
  'text', 'int4', 'text', 'text', 'int4', 'text', 'text', 'text', 'text',
  'text', 'bool', 'float8', 'text', 'float8', 'float8', 'text', 'float8', 'bool',
] as const satisfies { length: (typeof RESULT_COLUMNS)['length'] };

/**
 * A whole batch in one statement (see {@link unnestInsertSql}). A single
 * statement is atomic, so the rows and the run counters commit together.
 * Rows already stored are skipped (`ON CONFLICT DO NOTHING`) and, since
 * RETURNING lists only inserted rows, not counted.
 */
const APPEND_SQL = `
  WITH ins AS (
    ${unnestInsertSql('results', RESULT_COLUMNS.map((c, i) => [c, RESULT_TYPES[i] as string] as const), 'ON CONFLICT DO NOTHING')}
    RETURNING run_id, pass, error IS NOT NULL AS errored
  ), agg AS (
    SELECT run_id, count(*)::int AS n, (count(*) FILTER (WHERE pass))::int AS p, (count(*) FILTER (WHERE errored))::int AS e
    FROM ins GROUP BY run_id
  )
  UPDATE runs SET n_results = runs.n_results + agg.n, n_passed = runs.n_passed + agg.p, n_errors = runs.n_errors + agg.e
  FROM agg WHERE runs.id = agg.run_id`;

/** Index of `prompt` and `output` in a values tuple. */
const PROMPT_COL = RESULT_COLUMNS.indexOf('prompt');
const OUTPUT_COL = RESULT_COLUMNS.indexOf('output');

/**
 * PostgreSQL text cannot hold U+0000, and one such character from a model
 * would fail the whole batch; it is stored as U+FFFD instead. The JSON
 * columns need nothing: JSON.stringify already escapes it.
 */
function pgResultValues(r: CaseResult): unknown[] {
  const values: unknown[] = resultValues(r);
  for (const col of [PROMPT_COL, OUTPUT_COL]) {
    const v = values[col];
    if (typeof v === 'string' && v.includes('\u0000')) values[col] = v.replaceAll('\u0000', '\uFFFD');
  }
  return values;
}

/** PostgreSQL's foreign_key_violation. */
const FK_VIOLATION = '23503';

/** A {@link Store} backed by a `pg` pool. */
export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  readonly #pool: Pool;
  readonly #schema: string | undefined;
  readonly #where: string;
  readonly #now: () => Date;
  #closed = false;

  /** Wrap a pool; `where` (the redacted URL) names the store in error messages. */
  constructor(pool: Pool, options: { schema?: string; where: string; now?: () => Date }) {
    this.#pool = pool;
    this.#schema = options.schema;
    this.#where = options.where;
    this.#now = options.now ?? (() => new Date());
  }

  async migrate(): Promise<void> {
    await migratePostgres(this.#pool, this.#schema, this.#where, this.#now);
  }

  async createRun(meta: RunMeta): Promise<void> {
    const params = RUN_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
    const sql = `INSERT INTO runs (${RUN_COLUMNS.join(', ')}) VALUES (${params}) ON CONFLICT (id) DO NOTHING`;
    const res = await this.#pool.query(sql, runValues(meta));
    if (res.rowCount === 0) throw new InputError('MG_EXISTS', this.#where, `run "${meta.id}" already exists`);
  }

  async appendResults(results: readonly CaseResult[]): Promise<void> {
    if (results.length === 0) return;
    const columns = toColumns(results.map(pgResultValues), RESULT_COLUMNS.length);
    try {
      await this.#pool.query({ name: 'modelgate_append_results', text: APPEND_SQL, values: columns });
    } catch (e) {
      if ((e as { code?: unknown }).code === FK_VIOLATION) {
        throw new InputError('MG_INPUT_NOT_FOUND', this.#where, `appendResults: no run ${runIdsOf(results)}; call createRun first`, e);
      }
      throw e;
    }
  }

  async finishRun(runId: string, status: RunStatus, summary?: RunSummaryRecord): Promise<void> {
    const finishedAt = status === 'running' ? null : this.#now().toISOString();
    const res = await this.#pool.query('UPDATE runs SET status = $1, finished_at = $2, summary = COALESCE($3, summary) WHERE id = $4', [
      status,
      finishedAt,
      summary ? JSON.stringify(summary) : null,
      runId,
    ]);
    if (res.rowCount === 0) throw new InputError('MG_INPUT_NOT_FOUND', this.#where, `finishRun: no run "${runId}"`);
  }

  async listRuns(options: { limit?: number; kind?: RunMeta['kind'] } = {}): Promise<RunRecord[]> {
    // LIMIT NULL means no limit in PostgreSQL, so one statement text serves every call.
    const sql = `SELECT ${RUN_SELECT} FROM runs WHERE ($1::text IS NULL OR kind = $1) ORDER BY started_ms DESC, id DESC LIMIT $2`;
    const res = await this.#pool.query<RunRow>(sql, [options.kind ?? null, options.limit ?? null]);
    return res.rows.map(runFromRow);
  }

  async getRun(runId: string): Promise<(RunRecord & { summary?: RunSummaryRecord }) | undefined> {
    const res = await this.#pool.query<RunRow>(`SELECT ${RUN_SELECT}, summary FROM runs WHERE id = $1`, [runId]);
    const row = res.rows[0];
    return row ? runWithSummary(row) : undefined;
  }

  iterateResults(runId: string, query: ResultQuery = {}): AsyncIterable<CaseResult> {
    return pagedResults(async (after) => {
      const page = resultPageQuery('postgres', runId, query, after);
      return (await this.#pool.query<ResultRow>(page.sql, page.params)).rows;
    });
  }

  async cacheGet(key: string): Promise<CachedResponse | undefined> {
    const res = await this.#pool.query<{ value: string; created_at: string }>(
      'SELECT value, created_at FROM response_cache WHERE key = $1',
      [key],
    );
    const row = res.rows[0];
    return row ? { value: JSON.parse(row.value) as unknown, createdAt: row.created_at } : undefined;
  }

  async cacheSet(key: string, value: unknown): Promise<void> {
    const sql =
      'INSERT INTO response_cache (key, value, created_at) VALUES ($1, $2, $3) ' +
      'ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at';
    await this.#pool.query(sql, [key, cacheText(key, value), this.#now().toISOString()]);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  /** The underlying pool, for tests and for later store modules (the gateway ledger) that share it. */
  get pool(): Pool {
    return this.#pool;
  }
}
