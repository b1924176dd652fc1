/**
 * Run tensor jobs on every core: this thread and one worker per further core.
 * Workers start before the jobs are planned, so their start-up overlaps this
 * thread's probe reads. With one thread or none the jobs run inline, which
 * tests and tiny models use.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dequantize } from '../kernels/dequant.js';
import { createArena, type KernelArena } from '../kernels/simd/arena.js';
import * as jsKernels from '../kernels/simd/js-kernels.js';
import { simdModuleBytes } from '../kernels/simd/simd-module.js';
import { runTensorJob, type TensorJob, type TensorJobResult } from '../kernels/tensor-job.js';
import { lineageWorkerSource } from '../kernels/worker-source.js';

/** A kernel arena for this thread: SIMD when available. */
export function inlineArena(): KernelArena {
  return createArena(simdModuleBytes(), jsKernels);
}

/** Run one job on this thread, reading through `fds` (opened on first use; the caller closes them). */
export function runInline(job: TensorJob, arena: KernelArena, fds: Map<string, number>): TensorJobResult {
  let fd = fds.get(job.path);
  if (fd === undefined) fds.set(job.path, (fd = openSync(job.path, 'r')));
  const file = fd;
  return runTensorJob(job, (buf, pos) => readSync(file, buf, 0, buf.length, pos), dequantize, arena);
}

/** Rough seconds a job takes on one core: reading, projecting, and a fixed cost per job. */
export function jobCost(j: TensorJob): number {
  const full = j.probe !== undefined || j.units !== undefined || j.momentRows === undefined;
  const rows = full ? j.rows : (j.momentRows?.length ?? 0) + j.sampleRows.length;
  return (rows * j.rowBytes) / 8e9 + (j.probe ? (j.probe.n * j.rows * j.cols) / 20e9 : 0) + 2e-4;
}

/** Default thread count: every core the process may use. */
export function defaultThreads(): number {
  return availableParallelism();
}

/** Threads ready for jobs; `close` ends the workers. */
export interface JobPool {
  /** This thread's kernel arena, free for other work once `run` settles. */
  arena: KernelArena;
  run(jobs: readonly TensorJob[]): Promise<TensorJobResult[]>;
  close(): void;
}

/**
 * A pool of `threads` compute threads: this one and `threads - 1` workers
 * (this thread alone when `threads` ≤ 1). This thread takes part because it
 * would otherwise only wait, and one worker fewer is one start-up fewer.
 */
export function startPool(threads: number): JobPool {
  const source = threads > 1 ? lineageWorkerSource() : '';
  const wasm = simdModuleBytes();
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => new Worker(source, { eval: true, workerData: { wasm } }));
  const arena = inlineArena();
  return {
    arena,
    run: (jobs) => runShared(workers, jobs, arena),
    close: () => workers.forEach((w) => void w.terminate()),
  };
}

/**
 * Workers take jobs costliest first, two in flight each so none waits between
 * jobs; this thread takes the cheapest from the other end, one at a time,
 * yielding between them so worker results are handled promptly.
 */
async function runShared(workers: readonly Worker[], jobs: readonly TensorJob[], arena: KernelArena): Promise<TensorJobResult[]> {
  const results = new Array<TensorJobResult>(jobs.length);
  const order = jobs.map((j, i) => [jobCost(j), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map((x) => x[1]);
  let head = 0;
  let tail = order.length;
  let done = 0;
  let failure: unknown;
  let wake: () => void = () => undefined;
  const finish = () => (++done === jobs.length || failure !== undefined) && wake();
  const send = (w: Worker) => {
    if (head >= tail) return;
    const id = order[head++] as number;
    w.postMessage({ id, job: jobs[id] });
  };
  for (const w of workers) {
    w.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
    w.on('message', (m: { id: number; result?: TensorJobResult; error?: string }) => {
      if (m.error !== undefined || !m.result) failure ??= new Error(m.error ?? 'worker returned no result');
      else results[m.id] = m.result;
      send(w);
      finish();
    });
    w.on('error', (e) => {
      failure ??= e;
      wake();
    });
    w.on('exit', (code) => {
      if (done < jobs.length) failure ??= new Error(`lineage worker exited (code ${code}) with jobs outstanding`);
      wake();
    });
    send(w);
    send(w);
  }
  const fds = new Map<string, number>();
  try {
    while (head < tail && failure === undefined) {
      const id = order[--tail] as number;
      results[id] = runInline(jobs[id] as TensorJob, arena, fds);
      finish();
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  if (done < jobs.length && failure === undefined) await new Promise<void>((r) => (wake = r));
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
  return results;
}
