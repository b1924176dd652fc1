/**
 * WAL checkpoints off the ledger's commit path. A checkpoint copies the WAL
 * back into the database file and fsyncs it; run by the writer's own
 * connection (SQLite's automatic checkpoint), it lands inside one commit and
 * holds every response waiting on that commit for the length of an fsync,
 * which showed as the gateway's p99. A second worker with its own connection
 * runs PASSIVE checkpoints on a timer instead: they never block the writer,
 * which keeps appending while frames are copied.
 */
import { Worker } from 'node:worker_threads';

/** How often the checkpointer runs. */
const EVERY_MS = 500;

/** CommonJS source (`eval: true`), like the writer's, so it runs the same from `src/` and `dist/`. */
const SOURCE = `
const { workerData: w } = require('node:worker_threads');
const Database = require(w.driver);
const db = new Database(w.file, { timeout: w.busyMs });
db.pragma('synchronous = NORMAL');
db.pragma('journal_size_limit = ' + w.sizeLimit);
setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, w.everyMs);
`;

/** A background checkpointer of one SQLite file. */
export class WalCheckpointer {
  readonly #worker: Worker;

  constructor(o: { driver: string; file: string; busyMs: number; sizeLimitBytes: number }) {
    this.#worker = new Worker(SOURCE, { eval: true, workerData: { ...o, sizeLimit: o.sizeLimitBytes, everyMs: EVERY_MS } });
    this.#worker.unref();
    // A failing checkpointer costs only WAL size; the writer's own automatic checkpoint remains the safety net.
    this.#worker.on('error', () => {});
  }

  /** Stop it; a checkpoint cut short is safe (SQLite finishes or redoes it). */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
