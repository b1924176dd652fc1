/** The ledger's PostgreSQL side: one `unnest` insert per batch, and spend queries. */
import type { Pool } from 'pg';
import type { SpendRow } from '../../access-types.js';
import { toColumns, unnestInsertSql } from '../../../store/index.js';
import { GROUP_COLUMN, LEDGER_COLUMNS, LEDGER_PG_TYPES, spendFromRow } from './ledger-rows.js';
import type { LedgerDb, SpendAggRow } from './ledger-rows.js';

/** The whole batch in one statement: atomic on its own, prepared once per connection whatever the batch size. */
const INSERT_SQL = unnestInsertSql(
  'ledger',
  LEDGER_COLUMNS.map((c, i) => [c, LEDGER_PG_TYPES[i] as string] as const),
  'ON CONFLICT (request_id) DO NOTHING',
);

/** PostgreSQL text cannot hold U+0000; one in a model name or path would fail the batch. */
function pgSafe(v: unknown): unknown {
  return typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '\uFFFD') : v;
}

/** Ledger storage in PostgreSQL. */
export class PgLedgerDb implements LedgerDb {
  readonly #pool: Pool;

  /** Use the store's (migrated) pool. */
  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async insert(rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return;
    // With synchronous_commit on (the default) the statement returns after the commit is flushed to the server's WAL.
    const columns = toColumns(rows.map((r) => r.map(pgSafe)), LEDGER_COLUMNS.length);
    await this.#pool.query({ name: 'modelgate_ledger_insert', text: INSERT_SQL, values: columns });
  }

  async spend(by: keyof typeof GROUP_COLUMN, sinceMs: number): Promise<SpendRow[]> {
    const sql =
      `SELECT ${GROUP_COLUMN[by]} AS grp, count(*)::int8 AS requests, (count(*) FILTER (WHERE status >= 400))::int8 AS errors, ` +
      `sum(prompt_tokens)::int8 AS prompt_tokens, sum(completion_tokens)::int8 AS completion_tokens, sum(cost_usd)::float8 AS cost_usd ` +
      `FROM ledger WHERE ts_ms >= $1 GROUP BY grp ORDER BY cost_usd DESC, grp`;
    return (await this.#pool.query<SpendAggRow>(sql, [sinceMs])).rows.map(spendFromRow);
  }

  async spentSince(keyId: string, sinceMs: number): Promise<number> {
    const sql = 'SELECT COALESCE(sum(cost_usd), 0)::float8 AS spent FROM ledger WHERE key_id = $1 AND ts_ms >= $2';
    const res = await this.#pool.query<{ spent: number }>(sql, [keyId, sinceMs]);
    return Number(res.rows[0]?.spent ?? 0);
  }
}
