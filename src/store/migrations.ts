/**
 * The schema, as an ordered list of migrations. Each is applied once, in
 * order, inside the migration lock, and recorded in `schema_migrations`.
 * Never edit a migration that has shipped: add a new one at the end.
 *
 * Conventions both dialects share, so row mapping is one piece of code:
 * timestamps are ISO-8601 UTC text (exact round trip; `*_ms` integer columns
 * exist where we sort or range-scan by time), JSON is stored as text, and
 * text keys that define an order are byte-ordered (`COLLATE "C"` on
 * PostgreSQL, SQLite's default BINARY), so both dialects return rows in the
 * same order.
 */
import { InputError } from '../core/index.js';

/** One schema change, written once per dialect. */
export interface Migration {
  /** `NNNN_snake_name`; sorts in application order. */
  id: string;
  sqlite: string;
  postgres: string;
}

const evalRuns: Migration = {
  id: '0001_eval_runs',
  sqlite: `
    CREATE TABLE runs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('eval', 'redteam')),
      suite_path TEXT NOT NULL,
      suite_hash TEXT NOT NULL,
      description TEXT,
      models TEXT NOT NULL,
      baseline TEXT,
      repeat_count INTEGER NOT NULL,
      concurrency INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      started_ms INTEGER NOT NULL,
      config TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
      finished_at TEXT,
      n_results INTEGER NOT NULL DEFAULT 0,
      n_passed INTEGER NOT NULL DEFAULT 0,
      n_errors INTEGER NOT NULL DEFAULT 0,
      summary TEXT
    );
    CREATE INDEX runs_started ON runs (started_ms DESC, id DESC);
    CREATE INDEX runs_kind_started ON runs (kind, started_ms DESC, id DESC);

    CREATE TABLE results (
      run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      case_index INTEGER NOT NULL,
      prompt_id TEXT NOT NULL,
      model TEXT NOT NULL,
      repeat_index INTEGER NOT NULL,
      description TEXT,
      vars TEXT NOT NULL,
      prompt TEXT NOT NULL,
      output TEXT,
      error TEXT,
      pass INTEGER NOT NULL,
      score REAL NOT NULL,
      assertions TEXT NOT NULL,
      latency_ms REAL NOT NULL,
      ttft_ms REAL,
      tokens TEXT NOT NULL,
      cost_usd REAL NOT NULL,
      cached INTEGER NOT NULL,
      PRIMARY KEY (run_id, case_index, prompt_id, model, repeat_index)
    );

    CREATE TABLE response_cache (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX response_cache_created ON response_cache (created_at);
  `,
  postgres: `
    CREATE TABLE runs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('eval', 'redteam')),
      suite_path TEXT NOT NULL,
      suite_hash TEXT NOT NULL,
      description TEXT,
      models TEXT NOT NULL,
      baseline TEXT,
      repeat_count INTEGER NOT NULL,
      concurrency INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      started_ms BIGINT NOT NULL,
      config TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
      finished_at TEXT,
      n_results INTEGER NOT NULL DEFAULT 0,
      n_passed INTEGER NOT NULL DEFAULT 0,
      n_errors INTEGER NOT NULL DEFAULT 0,
      summary TEXT
    );
    CREATE INDEX runs_started ON runs (started_ms DESC, id DESC);
    CREATE INDEX runs_kind_started ON runs (kind, started_ms DESC, id DESC);

    CREATE TABLE results (
      run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      case_index INTEGER NOT NULL,
      prompt_id TEXT COLLATE "C" NOT NULL,
      model TEXT COLLATE "C" NOT NULL,
      repeat_index INTEGER NOT NULL,
      description TEXT,
      vars TEXT NOT NULL,
      prompt TEXT NOT NULL,
      output TEXT,
      error TEXT,
      pass BOOLEAN NOT NULL,
      score DOUBLE PRECISION NOT NULL,
      assertions TEXT NOT NULL,
      latency_ms DOUBLE PRECISION NOT NULL,
      ttft_ms DOUBLE PRECISION,
      tokens TEXT NOT NULL,
      cost_usd DOUBLE PRECISION NOT NULL,
      cached BOOLEAN NOT NULL,
      PRIMARY KEY (run_id, case_index, prompt_id, model, repeat_index)
    );

    CREATE TABLE response_cache (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX response_cache_created ON response_cache (created_at);
  `,
};

/**
 * The gateway's API keys (only a SHA-256 of each secret is kept) and its per-request cost ledger.
 * The ledger has no foreign key to `api_keys`: rows outlive deleted keys, the admin key from the
 * environment has no row, and the check would cost time on the hottest insert in the product.
 * `outcome` has no CHECK so the gateway can add outcomes without a migration.
 */
const gatewayAccess: Migration = {
  id: '0002_gateway_access',
  sqlite: `
    CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      name TEXT,
      prefix TEXT NOT NULL,
      key_hash TEXT NOT NULL UNIQUE,
      routes TEXT NOT NULL,
      budget_usd REAL,
      budget_period TEXT CHECK (budget_period IN ('total', 'day', 'month')),
      rpm INTEGER,
      tpm INTEGER,
      admin INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT,
      revoked_at TEXT
    );
    CREATE INDEX api_keys_prefix ON api_keys (prefix);

    CREATE TABLE ledger (
      request_id TEXT PRIMARY KEY,
      ts TEXT NOT NULL,
      ts_ms INTEGER NOT NULL,
      key_id TEXT,
      route TEXT NOT NULL,
      deployment TEXT,
      model TEXT,
      prompt_tokens INTEGER NOT NULL,
      completion_tokens INTEGER NOT NULL,
      cost_usd REAL NOT NULL,
      latency_ms REAL NOT NULL,
      status INTEGER NOT NULL,
      outcome TEXT NOT NULL,
      fallback_path TEXT NOT NULL,
      stream INTEGER NOT NULL,
      shadow TEXT
    );
    CREATE INDEX ledger_ts ON ledger (ts_ms);
    CREATE INDEX ledger_key_ts ON ledger (key_id, ts_ms);
  `,
  postgres: `
    CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      name TEXT,
      prefix TEXT COLLATE "C" NOT NULL,
      key_hash TEXT NOT NULL UNIQUE,
      routes TEXT NOT NULL,
      budget_usd DOUBLE PRECISION,
      budget_period TEXT CHECK (budget_period IN ('total', 'day', 'month')),
      rpm INTEGER,
      tpm INTEGER,
      admin BOOLEAN NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT,
      revoked_at TEXT
    );
    CREATE INDEX api_keys_prefix ON api_keys (prefix);

    CREATE TABLE ledger (
      request_id TEXT PRIMARY KEY,
      ts TEXT NOT NULL,
      ts_ms BIGINT NOT NULL,
      key_id TEXT COLLATE "C",
      route TEXT COLLATE "C" NOT NULL,
      deployment TEXT,
      model TEXT COLLATE "C",
      prompt_tokens INTEGER NOT NULL,
      completion_tokens INTEGER NOT NULL,
      cost_usd DOUBLE PRECISION NOT NULL,
      latency_ms DOUBLE PRECISION NOT NULL,
      status INTEGER NOT NULL,
      outcome TEXT NOT NULL,
      fallback_path TEXT NOT NULL,
      stream BOOLEAN NOT NULL,
      shadow TEXT
    );
    CREATE INDEX ledger_ts ON ledger (ts_ms);
    CREATE INDEX ledger_key_ts ON ledger (key_id, ts_ms);
  `,
};

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [evalRuns, gatewayAccess];

/**
 * Which migrations still need applying, given the ids already recorded.
 * Throws when the database records a migration this build does not know:
 * a newer modelgate has upgraded it, and writing with older code could corrupt it.
 */
export function pendingMigrations(applied: Iterable<string>, where: string, all: readonly Migration[] = MIGRATIONS): Migration[] {
  const done = new Set(applied);
  const known = new Set(all.map((m) => m.id));
  const unknown = [...done].filter((id) => !known.has(id)).sort();
  if (unknown.length > 0) {
    throw new InputError(
      'MG_INPUT_INVALID',
      where,
      `the store was migrated by a newer modelgate (unknown migrations: ${unknown.join(', ')}); upgrade modelgate to use it`,
    );
  }
  return all.filter((m) => !done.has(m.id));
}
