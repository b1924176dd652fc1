/**
 * Results go to the store as they finish, in batches: when 200 rows are
 * waiting or 250 ms after the first of them, whichever comes first. One
 * batch is written at a time (in order); when the store falls behind,
 * `push` waits, so a slow disk slows the run instead of filling memory.
 */
import type { Store } from '../../store/index.js';
import type { CaseResult } from '../types.js';

/** Batching knobs (defaults suit SQLite and PostgreSQL alike). */
export interface SinkOptions {
  batchSize?: number;
  intervalMs?: number;
  /** Rows waiting or being written before `push` applies back-pressure. */
  maxPending?: number;
}

/** A batching writer of results. */
export class ResultSink {
  private buffer: CaseResult[] = [];
  private writing: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private error: unknown;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly maxPending: number;

  constructor(
    private readonly store: Pick<Store, 'appendResults'>,
    o: SinkOptions = {},
  ) {
    this.batchSize = o.batchSize ?? 200;
    this.intervalMs = o.intervalMs ?? 250;
    this.maxPending = o.maxPending ?? 2000;
  }

  /** Queue a row; resolves at once unless the store is behind. Throws if an earlier write failed. */
  async push(row: CaseResult): Promise<void> {
    if (this.error) throw this.error;
    this.buffer.push(row);
    if (this.buffer.length >= this.batchSize) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
    if (this.inFlight + this.buffer.length > this.maxPending) await this.writing;
    if (this.error) throw this.error;
  }

  /** Start writing what is buffered (does not wait). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.inFlight += batch.length;
    this.writing = this.writing.then(async () => {
      try {
        if (!this.error) await this.store.appendResults(batch);
      } catch (e) {
        this.error ??= e;
      } finally {
        this.inFlight -= batch.length;
      }
    });
  }

  /** Write everything still buffered and wait for it; rethrows a failed write. */
  async close(): Promise<void> {
    this.flush();
    await this.writing;
    if (this.error) throw this.error;
  }
}
