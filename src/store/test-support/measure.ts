/** Insert and read-back throughput of a store, shared by the throughput test and `bench/store.ts`. */
import type { Store } from '../types.js';
import { makeResults, makeRun } from './fixtures.js';

/** What one measurement found. */
export interface Throughput {
  rows: number;
  batch: number;
  insertRowsPerSec: number;
  iterateRowsPerSec: number;
  /** Heap growth while iterating every row, in MiB (rough: GC timing shifts it). */
  iterateHeapMiB: number;
}

/** Append `rows` results in `batch`-sized calls to a new run, then stream them back. Row generation is not timed. */
export async function measureThroughput(store: Store, rows: number, batch: number, runId = 'bench'): Promise<Throughput> {
  await store.createRun(makeRun(0, { id: runId }));
  const batches = Array.from({ length: Math.ceil(rows / batch) }, (_, b) => makeResults(runId, Math.min(batch, rows - b * batch), b * batch));
  const t0 = performance.now();
  for (const b of batches) await store.appendResults(b);
  const insertMs = performance.now() - t0;
  batches.length = 0;

  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  let seen = 0;
  const t1 = performance.now();
  for await (const _ of store.iterateResults(runId)) {
    if (++seen % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const iterateMs = performance.now() - t1;
  if (seen !== rows) throw new Error(`read back ${seen} rows, wrote ${rows}`);
  return {
    rows,
    batch,
    insertRowsPerSec: Math.round((rows / insertMs) * 1000),
    iterateRowsPerSec: Math.round((rows / iterateMs) * 1000),
    iterateHeapMiB: Math.round(((peak - heap0) / 2 ** 20) * 10) / 10,
  };
}
