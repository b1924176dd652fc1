/**
 * The SQLite ledger with its batch inserts in a `worker_threads` worker: a
 * synchronous better-sqlite3 commit on the event loop stalls every request
 * in flight (the gateway's p99), so the worker owns a second connection to
 * the same file and commits there. `insert` resolves when the worker acks
 * the batch, i.e. after its WAL commit, which survives SIGKILL of the process
 * exactly as a commit on the main thread does. Reads (spend queries) stay on
 * the store's connection: WAL readers see every acknowledged commit.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { SpendRow } from '../../access-types.js';
import { multiRowInsertSql } from '../../../store/index.js';
import { LEDGER_COLUMNS, STREAM_COL } from './ledger-rows.js';
import type { GROUP_COLUMN, LedgerDb } from './ledger-rows.js';
import { SqliteLedgerDb } from './sqlite-ledger.js';
import { WalCheckpointer } from './wal-checkpointer.js';

/** Rows bound per INSERT statement (16 columns x 32 = 512 parameters), as on the main thread. */
const ROWS_PER_INSERT = 32;

/** Busy timeout of the worker's connection: the store's connection may hold the write lock briefly. */
const BUSY_TIMEOUT_MS = 5_000;

/** WAL pages (4 KiB) after which the writer checkpoints itself, should the checkpointer fall behind. */
const SAFETY_NET_WAL_PAGES = 16_384;

/**
 * The worker, as CommonJS source (`eval: true`), so it runs the same from `src/` under vitest and from `dist/`.
 * It opens the file, then for each `{ id, json }` (the rows as JSON) commits one transaction and answers `{ id }` or `{ id, error }`.
 */
const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const Database = require(w.driver);
const db = new Database(w.file, { timeout: w.busyMs });
db.pragma('synchronous = NORMAL');
// Checkpoints run in the checkpointer's worker; this one only as a safety net past w.walPages pages.
db.pragma('wal_autocheckpoint = ' + w.walPages);
db.pragma('journal_size_limit = ' + w.walPages * 4096);
const many = db.prepare(w.manySql);
const one = db.prepare(w.oneSql);
const bind = (rows, start, n) => {
  const params = [];
  for (let i = start; i < start + n; i++) {
    const row = rows[i];
    for (let c = 0; c < row.length; c++) params.push(c === w.streamCol ? (row[c] ? 1 : 0) : row[c]);
  }
  return params;
};
const insert = db.transaction((rows) => {
  let i = 0;
  for (; i + w.perInsert <= rows.length; i += w.perInsert) many.run(...bind(rows, i, w.perInsert));
  for (; i < rows.length; i++) one.run(...bind(rows, i, 1));
});
parentPort.on('message', ({ id, json }) => {
  try {
    insert.immediate(JSON.parse(json));
    parentPort.postMessage({ id });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;

interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

/** Ledger storage in SQLite, written by a worker thread; reads on the store's connection. */
export class SqliteWorkerLedgerDb implements LedgerDb {
  readonly #reads: SqliteLedgerDb;
  readonly #workerData: Record<string, unknown>;
  readonly #waiting = new Map<number, Waiter>();
  #worker: Worker | undefined;
  /** Started with the first batch: read-only users (`spend`, `keys list`) need no second thread. */
  #checkpointer: WalCheckpointer | undefined;
  #nextId = 0;

  /** Write to the file behind `db` (a file database, not `:memory:`) from a worker; read through `db`. */
  constructor(db: Database.Database) {
    this.#reads = new SqliteLedgerDb(db);
    const sql = (n: number) => multiRowInsertSql('ledger', LEDGER_COLUMNS, n, 'ON CONFLICT (request_id) DO NOTHING');
    this.#workerData = {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: db.name,
      busyMs: BUSY_TIMEOUT_MS,
      manySql: sql(ROWS_PER_INSERT),
      oneSql: sql(1),
      perInsert: ROWS_PER_INSERT,
      streamCol: STREAM_COL,
      walPages: SAFETY_NET_WAL_PAGES,
    };

    // Start now rather than on the first row: loading the driver in the worker takes tens of ms of CPU,
    // which would otherwise land on the first requests (the servers share one core in bench/gateway.sh).
    this.#spawn();
  }

  insert(rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const worker = this.#spawn();
    if (!this.#checkpointer) {
      const { driver, file } = this.#workerData as { driver: string; file: string };
      this.#checkpointer = new WalCheckpointer({ driver, file, busyMs: BUSY_TIMEOUT_MS, sizeLimitBytes: SAFETY_NET_WAL_PAGES * 4096 });
    }
    const id = this.#nextId++;
    return new Promise<void>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      if (this.#waiting.size === 1) worker.ref(); // keep the process alive until every batch is acknowledged
      // One string clones far cheaper than nested arrays, and row values are JSON-safe (checked finite numbers, strings, booleans, null).
      worker.postMessage({ id, json: JSON.stringify(rows) });
    });
  }

  spend(by: keyof typeof GROUP_COLUMN, sinceMs: number): Promise<SpendRow[]> {
    return this.#reads.spend(by, sinceMs);
  }

  spentSince(keyId: string, sinceMs: number): Promise<number> {
    return this.#reads.spentSince(keyId, sinceMs);
  }

  /** Stop the worker; call after the last batch is acknowledged (the ledger's `close` flushes first). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
    await this.#checkpointer?.close();
    this.#checkpointer = undefined;
  }

  /** The worker, started with the ledger and again after it died (the group commit retries the batch). */
  #spawn(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: this.#workerData });
    worker.unref();
    worker.on('message', (m: { id: number; error?: string }) => this.#settle(worker, m));
    const fail = (e: Error): void => {
      if (this.#worker === worker) this.#worker = undefined;
      const waiting = [...this.#waiting.values()];
      this.#waiting.clear();
      for (const w of waiting) w.reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the ledger writer exited (code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  #settle(worker: Worker, m: { id: number; error?: string }): void {
    const waiter = this.#waiting.get(m.id);
    if (!waiter) return;
    this.#waiting.delete(m.id);
    if (this.#waiting.size === 0) worker.unref();
    if (m.error === undefined) waiter.resolve();
    else waiter.reject(new Error(`ledger insert failed: ${m.error}`));
  }
}
