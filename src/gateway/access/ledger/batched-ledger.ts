/**
 * The {@link Ledger}: rows are checked, queued and committed in batches
 * (group commit); `record()` resolves once the row's batch has committed,
 * so a response whose last bytes wait for it is never missing from the
 * ledger, even if the process is killed right after.
 */
import type { Ledger, LedgerRow, SpendRow } from '../../access-types.js';
import { parseSince } from '../since.js';
import { GroupCommit } from './group-commit.js';
import type { GroupCommitOptions } from './group-commit.js';
import { checkLedgerRow, ledgerValues } from './ledger-rows.js';
import type { LedgerDb } from './ledger-rows.js';

/** Options of the batched ledger. */
export interface LedgerOptions extends GroupCommitOptions {
  /** Clock in epoch ms, for relative `since` values. */
  now?: () => number;
}

/** A {@link Ledger} writing through group commit to a {@link LedgerDb}. */
export class BatchedLedger implements Ledger {
  readonly #db: LedgerDb;
  readonly #commit: GroupCommit<unknown[]>;
  readonly #now: () => number;

  /** Write to `db` (SQLite or PostgreSQL). */
  constructor(db: LedgerDb, options: LedgerOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? Date.now;
    this.#commit = new GroupCommit((batch) => db.insert(batch), options);
  }

  record(row: LedgerRow): Promise<void> {
    let values: unknown[];
    try {
      values = ledgerValues(row, checkLedgerRow(row));
    } catch (e) {
      return Promise.reject(e);
    }
    return this.#commit.push(values);
  }

  flush(): Promise<void> {
    return this.#commit.flush();
  }

  /** Spend grouped by key, route or model; `since` is ISO or a duration back from now (`24h`, `7d`). */
  async spend(query: { by: 'key' | 'route' | 'model'; since?: string }): Promise<SpendRow[]> {
    await this.flush();
    const sinceMs = query.since === undefined ? 0 : parseSince(query.since, this.#now());
    return this.#db.spend(query.by, sinceMs);
  }

  /** USD recorded for `keyId` since `sinceMs`; budgets start from it after a restart. */
  async spentSince(keyId: string, sinceMs: number): Promise<number> {
    await this.flush();
    return this.#db.spentSince(keyId, sinceMs);
  }

  /** Rows queued and not yet committed. */
  get pending(): number {
    return this.#commit.pending;
  }

  /** Commit what is queued, then stop the storage's writer; the connection belongs to the store and is closed with it. */
  async close(): Promise<void> {
    await this.#commit.close();
    await this.#db.close?.();
  }
}
