/**
 * Group commit: rows queue up and are written in batches, one transaction
 * per batch, and each caller's promise resolves only once its batch has
 * committed. Under load a batch holds everything that finished while the
 * previous commits ran, so throughput grows with concurrency while each row
 * still waits for a durable commit (about `intervalMs` plus one commit).
 */

/** Batching knobs. */
export interface GroupCommitOptions {
  /** Rows per transaction at most (default 1,000). A full batch is written at once. */
  maxBatch?: number;
  /** Longest a row waits for company before its batch is written (default 2 ms). */
  intervalMs?: number;
  /**
   * Batches being written at once (default 1). PostgreSQL gains from 2–4: each commit waits for the
   * server's WAL flush, and concurrent commits share it; SQLite writes synchronously, so 1.
   */
  parallel?: number;
  /** Rows queued at most; beyond it `push` rejects at once (back-pressure, default 100,000). */
  maxQueue?: number;
  /** How long a failing batch is retried before its callers are rejected (default 30 s). */
  retryForMs?: number;
}

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** A write queue in front of a batch writer. */
export class GroupCommit<T> {
  readonly #write: (batch: T[]) => Promise<void> | void;
  readonly #maxBatch: number;
  readonly #intervalMs: number;
  readonly #parallel: number;
  readonly #maxQueue: number;
  readonly #retryForMs: number;
  #queue: Pending<T>[] = [];
  #timer: NodeJS.Timeout | undefined;
  #inflight = 0;
  /** Callers of `flush` waiting for the queue to empty and every write to finish. */
  #idle: (() => void)[] = [];
  #closed = false;

  /** Batches go to `write`, which must commit them atomically and tolerate a re-sent batch. */
  constructor(write: (batch: T[]) => Promise<void> | void, options: GroupCommitOptions = {}) {
    this.#write = write;
    this.#maxBatch = Math.max(1, options.maxBatch ?? 1_000);
    this.#intervalMs = options.intervalMs ?? 2;
    this.#parallel = Math.max(1, options.parallel ?? 1);
    this.#maxQueue = options.maxQueue ?? 100_000;
    this.#retryForMs = options.retryForMs ?? 30_000;
  }

  /** Queue one item; resolves once the batch holding it has committed. */
  push(item: T): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('the ledger is closed'));
    if (this.#queue.length >= this.#maxQueue) return Promise.reject(new Error(`the ledger is ${this.#queue.length} rows behind; refusing more`));
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (this.#inflight >= this.#parallel) return; // a finishing write starts the next batch
      if (this.#queue.length >= this.#maxBatch) this.#launch();
      else this.#timer ??= setTimeout(() => this.#launch(), this.#intervalMs);
    });
  }

  /** Resolves when everything queued so far has been written (or has failed for good). */
  flush(): Promise<void> {
    if (this.#queue.length === 0 && this.#inflight === 0) return Promise.resolve();
    const done = new Promise<void>((r) => this.#idle.push(r));
    this.#launch();
    return done;
  }

  /** Write what is queued, then refuse new items. */
  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Start writing batches while there are rows and free slots. */
  #launch(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#queue.length > 0 && this.#inflight < this.#parallel) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      this.#inflight += 1;
      void this.#commit(batch);
    }
  }

  async #commit(batch: Pending<T>[]): Promise<void> {
    try {
      await this.#writeWithRetry(batch.map((p) => p.item));
      for (const p of batch) p.resolve();
    } catch (e) {
      for (const p of batch) p.reject(e);
    } finally {
      this.#inflight -= 1;
      // Rows that queued during this commit have waited at least that long: write them now.
      if (this.#queue.length > 0) this.#launch();
      else if (this.#inflight === 0) for (const wake of this.#idle.splice(0)) wake();
    }
  }

  /** Retry a failed batch with backoff (a dropped PostgreSQL connection, a busy SQLite file) until `retryForMs`. */
  async #writeWithRetry(items: T[]): Promise<void> {
    const started = Date.now();
    for (let delay = 50; ; delay = Math.min(delay * 2, 2_000)) {
      try {
        await this.#write(items);
        return;
      } catch (e) {
        if (this.#closed || Date.now() - started + delay > this.#retryForMs) throw e;
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }
}
