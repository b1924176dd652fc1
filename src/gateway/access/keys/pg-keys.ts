/** {@link KeyRepo} on the store's PostgreSQL pool. */
import type { Pool } from 'pg';
import type { ApiKeyRecord } from '../../access-types.js';
import { KEY_COLUMNS, KEY_SELECT, keyFromRow, keyValues } from './key-rows.js';
import type { KeyRepo, KeyRow, StoredKey } from './key-rows.js';

const INSERT_SQL = `INSERT INTO api_keys (${KEY_COLUMNS.join(', ')}) VALUES (${KEY_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

/** API keys in PostgreSQL. The lookup by hash is a named (prepared) statement: it runs on cache misses. */
export class PgKeyRepo implements KeyRepo {
  readonly #pool: Pool;

  /** Use the store's pool (migrated). */
  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async insert(record: ApiKeyRecord, hash: string): Promise<void> {
    await this.#pool.query(INSERT_SQL, keyValues(record, hash, record.admin));
  }

  async list(): Promise<ApiKeyRecord[]> {
    const res = await this.#pool.query<KeyRow>(`SELECT ${KEY_SELECT} FROM api_keys ORDER BY created_at, id`);
    return res.rows.map(keyFromRow);
  }

  async findByHash(hash: string): Promise<StoredKey | undefined> {
    const res = await this.#pool.query<KeyRow>({
      name: 'modelgate_key_by_hash',
      text: `SELECT ${KEY_SELECT}, key_hash FROM api_keys WHERE key_hash = $1`,
      values: [hash],
    });
    const row = res.rows[0];
    return row ? { record: keyFromRow(row), hash: row.key_hash ?? '' } : undefined;
  }

  async findByRef(ref: string): Promise<ApiKeyRecord[]> {
    const sql = `SELECT ${KEY_SELECT} FROM api_keys WHERE id = $1 OR left(prefix, length($1)) = $1 ORDER BY created_at, id`;
    return (await this.#pool.query<KeyRow>(sql, [ref])).rows.map(keyFromRow);
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const res = await this.#pool.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
    return (res.rowCount ?? 0) > 0;
  }
}
