/**
 * The store: where runs, results and the response cache live (and, for the
 * gateway, keys and the ledger). Embedded SQLite by default, PostgreSQL when
 * several processes share it. Every method is async so both dialects fit.
 */
import type { CaseResult, ModelSummary, BaselineComparison, RunMeta, RunRecord, RunStatus } from '../eval/types.js';

/** A cached model response, keyed by a hash that never includes secrets. */
export interface CachedResponse {
  /** The provider's response, as JSON-serialisable data. */
  value: unknown;
  createdAt: string;
}

/** Statistics stored with a finished run so listings and the dashboard need not recompute them. */
export interface RunSummaryRecord {
  models: ModelSummary[];
  comparisons: BaselineComparison[];
}

/** Filters for reading results back. */
export interface ResultQuery {
  model?: string;
  /** Only failing or erroring rows. */
  failedOnly?: boolean;
  caseIndex?: number;
}

/** Runs, results and cache; implemented for SQLite and PostgreSQL. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Apply pending migrations (idempotent, safe when several processes start together). */
  migrate(): Promise<void>;
  /** Record a new run with status `running`; rejects with `MG_EXISTS` when the id is taken. */
  createRun(meta: RunMeta): Promise<void>;
  /**
   * Append finished results; implementations batch inside a transaction, and the run's counts move with the rows.
   * A row whose (runId, caseIndex, promptId, model, repeat) is already stored is skipped and not counted, so
   * re-sending a batch after an ambiguous failure is safe. Rejects with `MG_INPUT_NOT_FOUND`, writing nothing
   * from the batch, when a run does not exist.
   */
  appendResults(results: readonly CaseResult[]): Promise<void>;
  /** Set the status (and `finishedAt`, unless `running`); a summary replaces the stored one, none keeps it. */
  finishRun(runId: string, status: RunStatus, summary?: RunSummaryRecord): Promise<void>;
  /** Runs newest first (by `startedAt` as an instant), without summaries; all of them unless `limit` is given. */
  listRuns(options?: { limit?: number; kind?: RunMeta['kind'] }): Promise<RunRecord[]>;
  getRun(runId: string): Promise<(RunRecord & { summary?: RunSummaryRecord }) | undefined>;
  /**
   * Stream a run's results in (caseIndex, promptId, model, repeat) order without loading them all (text compared
   * byte-wise, identically in both dialects). The store stays usable for writes while an iteration is open.
   */
  iterateResults(runId: string, query?: ResultQuery): AsyncIterable<CaseResult>;
  cacheGet(key: string): Promise<CachedResponse | undefined>;
  cacheSet(key: string, value: unknown): Promise<void>;
  close(): Promise<void>;
}

/** How {@link Store} implementations are opened (see `openStore`). */
export interface OpenStoreOptions {
  /** The project's `.modelgate/` folder; the default SQLite file is `modelgate.db` inside it (default `./.modelgate`). */
  stateDir?: string;
  /**
   * PostgreSQL only (ignored for SQLite): schema to keep the tables in, created when missing (default: the
   * connection's `search_path`). Lets several projects, or parallel test files, share one database.
   */
  schema?: string;
  /** Apply pending migrations before returning (default true; cheap when the schema is current). */
  migrate?: boolean;
  /** Clock for `createdAt`, `finishedAt` and migration timestamps; tests pin it. */
  now?: () => Date;
}
