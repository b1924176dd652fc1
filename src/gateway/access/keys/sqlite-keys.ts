/** {@link KeyRepo} on the store's better-sqlite3 connection. */
import type Database from 'better-sqlite3';
import type { ApiKeyRecord } from '../../access-types.js';
import { KEY_COLUMNS, KEY_SELECT, keyFromRow, keyValues } from './key-rows.js';
import type { KeyRepo, KeyRow, StoredKey } from './key-rows.js';

/** API keys in SQLite. Statements are prepared on first use and reused. */
export class SqliteKeyRepo implements KeyRepo {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  /** Use an open (migrated) store connection. */
  constructor(db: Database.Database) {
    this.#db = db;
  }

  async insert(record: ApiKeyRecord, hash: string): Promise<void> {
    const sql = `INSERT INTO api_keys (${KEY_COLUMNS.join(', ')}) VALUES (${KEY_COLUMNS.map(() => '?').join(', ')})`;
    this.#stmt(sql).run(...keyValues(record, hash, record.admin ? 1 : 0));
  }

  async list(): Promise<ApiKeyRecord[]> {
    const rows = this.#stmt(`SELECT ${KEY_SELECT} FROM api_keys ORDER BY created_at, id`).all() as KeyRow[];
    return rows.map(keyFromRow);
  }

  async findByHash(hash: string): Promise<StoredKey | undefined> {
    const row = this.#stmt(`SELECT ${KEY_SELECT}, key_hash FROM api_keys WHERE key_hash = ?`).get(hash) as KeyRow | undefined;
    return row ? { record: keyFromRow(row), hash: row.key_hash ?? '' } : undefined;
  }

  async findByRef(ref: string): Promise<ApiKeyRecord[]> {
    // Prefix match with substr, not LIKE, so `_` and `%` in what the user typed match only themselves.
    const sql = `SELECT ${KEY_SELECT} FROM api_keys WHERE id = ? OR substr(prefix, 1, length(?)) = ? ORDER BY created_at, id`;
    return (this.#stmt(sql).all(ref, ref, ref) as KeyRow[]).map(keyFromRow);
  }

  async revoke(id: string, at: string): Promise<boolean> {
    return this.#stmt('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes > 0;
  }

  #stmt(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) this.#statements.set(sql, (stmt = this.#db.prepare(sql)));
    return stmt;
  }
}
