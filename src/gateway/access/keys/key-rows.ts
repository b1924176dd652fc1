/**
 * API keys as table rows, shared by the SQLite and PostgreSQL repositories
 * so both store and read back exactly the same record.
 */
import type { ApiKeyRecord } from '../../access-types.js';

/** Columns of `api_keys`, in insert order. */
export const KEY_COLUMNS = [
  'id', 'name', 'prefix', 'key_hash', 'routes', 'budget_usd', 'budget_period', 'rpm', 'tpm', 'admin', 'created_at',
  'expires_at', 'revoked_at',
] as const;

/** Columns read back (the hash is read only where it is compared). */
export const KEY_SELECT = KEY_COLUMNS.filter((c) => c !== 'key_hash').join(', ');

/** A row of `api_keys` as either driver returns it (`admin` is 0/1 on SQLite, boolean on PostgreSQL). */
export interface KeyRow {
  id: string;
  name: string | null;
  prefix: string;
  key_hash?: string;
  routes: string;
  budget_usd: number | null;
  budget_period: ApiKeyRecord['budgetPeriod'] | null;
  rpm: number | null;
  tpm: number | null;
  admin: number | boolean;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

/** A record and its hash as insert values, in {@link KEY_COLUMNS} order. */
export function keyValues(r: ApiKeyRecord, hash: string, admin: number | boolean): unknown[] {
  return [
    r.id, r.name ?? null, r.prefix, hash, JSON.stringify(r.routes), r.budgetUsd ?? null, r.budgetPeriod ?? null, r.rpm ?? null,
    r.tpm ?? null, admin, r.createdAt, r.expiresAt ?? null, r.revokedAt ?? null,
  ];
}

/** A row back to a record; absent optional members stay absent rather than `undefined`-valued. */
export function keyFromRow(row: KeyRow): ApiKeyRecord {
  const r: ApiKeyRecord = {
    id: row.id,
    prefix: row.prefix,
    routes: JSON.parse(row.routes) as string[],
    admin: row.admin === true || row.admin === 1,
    createdAt: row.created_at,
  };
  if (row.name !== null) r.name = row.name;
  if (row.budget_usd !== null) r.budgetUsd = row.budget_usd;
  if (row.budget_period !== null) r.budgetPeriod = row.budget_period;
  if (row.rpm !== null) r.rpm = row.rpm;
  if (row.tpm !== null) r.tpm = row.tpm;
  if (row.expires_at !== null) r.expiresAt = row.expires_at;
  if (row.revoked_at !== null) r.revokedAt = row.revoked_at;
  return r;
}

/** A stored key: its record and the SHA-256 of its secret. */
export interface StoredKey {
  record: ApiKeyRecord;
  hash: string;
}

/** Persistence of API keys, one implementation per store dialect. */
export interface KeyRepo {
  insert(record: ApiKeyRecord, hash: string): Promise<void>;
  /** Every key, oldest first. */
  list(): Promise<ApiKeyRecord[]>;
  findByHash(hash: string): Promise<StoredKey | undefined>;
  /** Keys whose id equals `ref` or whose prefix starts with it. */
  findByRef(ref: string): Promise<ApiKeyRecord[]>;
  /** Mark a key revoked at `at`; false when it does not exist or was already revoked. */
  revoke(id: string, at: string): Promise<boolean>;
}
