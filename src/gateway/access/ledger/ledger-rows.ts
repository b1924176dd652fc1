/**
 * Ledger rows as table values, shared by both dialects, and the checks a
 * row passes before it is queued: a malformed row is a bug in the caller and
 * is refused at once rather than failing a whole batch later.
 */
import type { LedgerRow, SpendRow } from '../../access-types.js';

/** Columns of `ledger`, in insert order. */
export const LEDGER_COLUMNS = [
  'request_id', 'ts', 'ts_ms', 'key_id', 'route', 'deployment', 'model', 'prompt_tokens', 'completion_tokens', 'cost_usd',
  'latency_ms', 'status', 'outcome', 'fallback_path', 'stream', 'shadow',
] as const;

/** PostgreSQL element types, in {@link LEDGER_COLUMNS} order, for the `unnest` insert. */
export const LEDGER_PG_TYPES = [
  'text', 'text', 'int8', 'text', 'text', 'text', 'text', 'int4', 'int4', 'float8', 'float8', 'int4', 'text', 'text', 'bool', 'text',
] as const satisfies { length: (typeof LEDGER_COLUMNS)['length'] };

/** Index of `stream`, which SQLite stores as 0/1. */
export const STREAM_COL = LEDGER_COLUMNS.indexOf('stream');

/** Something shaped like a modelgate key; it must never reach the ledger, even by a caller's mistake. */
const KEY_LIKE = /mg_[0-9A-Za-z]{40}/g;

function scrub(v: string): string;
function scrub(v: string | undefined): string | undefined;
function scrub(v: string | undefined): string | undefined {
  return v !== undefined && v.includes('mg_') ? v.replace(KEY_LIKE, 'mg_[redacted]') : v;
}

/** Refuse rows that cannot be stored; returns the row's time in epoch ms. */
export function checkLedgerRow(row: LedgerRow): number {
  if (typeof row.requestId !== 'string' || row.requestId.length === 0 || row.requestId.length > 200) {
    throw new RangeError('ledger row: requestId must be a non-empty string of at most 200 characters');
  }
  const tsMs = Date.parse(row.ts);
  if (Number.isNaN(tsMs)) throw new RangeError(`ledger row ${row.requestId}: ts "${row.ts}" is not a date`);
  // Checked one by one (no arrays per row: this runs for every request).
  checkAmount(row, 'promptTokens', row.promptTokens);
  checkAmount(row, 'completionTokens', row.completionTokens);
  checkAmount(row, 'costUsd', row.costUsd);
  checkAmount(row, 'latencyMs', row.latencyMs);
  checkAmount(row, 'status', row.status);
  return tsMs;
}

function checkAmount(row: LedgerRow, name: string, v: number): void {
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`ledger row ${row.requestId}: ${name} must be a finite number >= 0 (got ${v})`);
}

/** A row as insert values in {@link LEDGER_COLUMNS} order (`stream` as a boolean; SQLite converts it). */
export function ledgerValues(row: LedgerRow, tsMs: number): unknown[] {
  return [
    row.requestId, row.ts, tsMs, row.keyId ?? null, scrub(row.route), scrub(row.deployment) ?? null, scrub(row.model) ?? null,
    Math.round(row.promptTokens), Math.round(row.completionTokens), row.costUsd, row.latencyMs, Math.round(row.status), row.outcome,
    scrub(row.fallbackPath), row.stream, scrub(row.shadow) ?? null,
  ];
}

/** The column each `spend --by` groups on. */
export const GROUP_COLUMN = { key: 'key_id', route: 'route', model: 'model' } as const satisfies Record<'key' | 'route' | 'model', string>;

/** Label of rows whose group column is empty (a request refused before it had a key or a model). */
export const NO_GROUP = '(none)';

/** A spend aggregate as the drivers return it (PostgreSQL gives 64-bit sums as strings). */
export interface SpendAggRow {
  grp: string | null;
  requests: number | string;
  errors: number | string;
  prompt_tokens: number | string | null;
  completion_tokens: number | string | null;
  cost_usd: number | string | null;
}

/** A driver row to a {@link SpendRow}. */
export function spendFromRow(r: SpendAggRow): SpendRow {
  return {
    group: r.grp ?? NO_GROUP,
    requests: Number(r.requests),
    errors: Number(r.errors),
    promptTokens: Number(r.prompt_tokens ?? 0),
    completionTokens: Number(r.completion_tokens ?? 0),
    costUsd: Number(r.cost_usd ?? 0),
  };
}

/** What each dialect provides to the batched ledger. */
export interface LedgerDb {
  /** Insert a batch in one transaction; rows whose requestId is stored already are skipped (a re-sent batch). */
  insert(rows: readonly (readonly unknown[])[]): Promise<void> | void;
  spend(by: keyof typeof GROUP_COLUMN, sinceMs: number): Promise<SpendRow[]>;
  spentSince(keyId: string, sinceMs: number): Promise<number>;
  /** Release what the storage owns itself (a writer thread); the connection belongs to the store. */
  close?(): Promise<void>;
}
