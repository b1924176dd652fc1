/** The ledger's SQLite side: batched inserts on the store's connection, and spend queries. */
import type Database from 'better-sqlite3';
import type { SpendRow } from '../../access-types.js';
import { multiRowInsertSql } from '../../../store/index.js';
import { GROUP_COLUMN, LEDGER_COLUMNS, spendFromRow, STREAM_COL } from './ledger-rows.js';
import type { LedgerDb, SpendAggRow } from './ledger-rows.js';

/** Rows bound per INSERT statement, as the store does for results (16 columns x 32 = 512 parameters). */
const ROWS_PER_INSERT = 32;

/** Ledger storage in SQLite. */
export class SqliteLedgerDb implements LedgerDb {
  readonly #db: Database.Database;
  readonly #insertBatch: Database.Transaction<(rows: readonly (readonly unknown[])[]) => void>;
  readonly #statements = new Map<string, Database.Statement>();

  /** Use the store's (migrated) connection. */
  constructor(db: Database.Database) {
    this.#db = db;
    const sql = (n: number) => multiRowInsertSql('ledger', LEDGER_COLUMNS, n, 'ON CONFLICT (request_id) DO NOTHING');
    const many = db.prepare(sql(ROWS_PER_INSERT));
    const one = db.prepare(sql(1));
    this.#insertBatch = db.transaction((rows: readonly (readonly unknown[])[]) => {
      let i = 0;
      for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) many.run(...bind(rows, i, ROWS_PER_INSERT));
      for (; i < rows.length; i++) one.run(...bind(rows, i, 1));
    });
  }

  insert(rows: readonly (readonly unknown[])[]): void {
    // One transaction per batch; with WAL and synchronous=NORMAL its commit is a write() to the WAL file,
    // which the OS keeps when this process is killed (only a power cut or kernel crash can lose it).
    if (rows.length > 0) this.#insertBatch.immediate(rows);
  }

  async spend(by: keyof typeof GROUP_COLUMN, sinceMs: number): Promise<SpendRow[]> {
    const sql =
      `SELECT ${GROUP_COLUMN[by]} AS grp, count(*) AS requests, sum(status >= 400) AS errors, sum(prompt_tokens) AS prompt_tokens, ` +
      `sum(completion_tokens) AS completion_tokens, sum(cost_usd) AS cost_usd FROM ledger WHERE ts_ms >= ? GROUP BY grp ORDER BY cost_usd DESC, grp`;
    return (this.#stmt(sql).all(sinceMs) as SpendAggRow[]).map(spendFromRow);
  }

  async spentSince(keyId: string, sinceMs: number): Promise<number> {
    const sql = 'SELECT COALESCE(sum(cost_usd), 0) AS spent FROM ledger WHERE key_id = ? AND ts_ms >= ?';
    return Number(this.#stmt(sql).pluck().get(keyId, sinceMs));
  }

  #stmt(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) this.#statements.set(sql, (stmt = this.#db.prepare(sql)));
    return stmt;
  }
}

/** Flat parameters for `n` rows from `start`; SQLite has no boolean, so `stream` becomes 0/1. */
function bind(rows: readonly (readonly unknown[])[], start: number, n: number): unknown[] {
  const params: unknown[] = [];
  for (let i = start; i < start + n; i++) {
    const row = rows[i] as readonly unknown[];
    for (let c = 0; c < row.length; c++) params.push(c === STREAM_COL ? (row[c] ? 1 : 0) : row[c]);
  }
  return params;
}
