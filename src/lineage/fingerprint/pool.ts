/**
 * Run tensor jobs on worker threads (one per core by default), largest first,
 * each worker reading its own tensors with positional reads. With zero threads
 * the jobs run inline, which tests and tiny models use.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dequantize } from '../kernels/dequant.js';
import { runTensorJob, type TensorJob, type TensorJobResult } from '../kernels/tensor-job.js';
import { lineageWorkerSource } from '../kernels/worker-source.js';

/** Run one job on this thread. */
export function runInline(job: TensorJob): TensorJobResult {
  const fd = openSync(job.path, 'r');
  try {
    return runTensorJob(job, (buf, pos) => readSync(fd, buf, 0, buf.length, pos), dequantize);
  } finally {
    closeSync(fd);
  }
}

const jobBytes = (j: TensorJob) => j.rows * j.rowBytes;

/** Default thread count: every core the process may use. */
export function defaultThreads(): number {
  return availableParallelism();
}

/** Run jobs on `threads` workers (inline when 0); results come back in job order. */
export async function runJobs(jobs: readonly TensorJob[], threads: number): Promise<TensorJobResult[]> {
  const results: TensorJobResult[] = new Array<TensorJobResult>(jobs.length);
  if (threads <= 0 || jobs.length <= 1) {
    jobs.forEach((j, i) => (results[i] = runInline(j)));
    return results;
  }
  const order = jobs.map((_, i) => i).sort((a, b) => jobBytes(jobs[b] as TensorJob) - jobBytes(jobs[a] as TensorJob));
  let next = 0;
  const source = lineageWorkerSource();
  const worker = () =>
    new Promise<void>((resolveAll, reject) => {
      const w = new Worker(source, { eval: true });
      const send = () => {
        const id = order[next++];
        if (id === undefined) {
          w.postMessage({ close: true });
          void w.terminate().then(() => resolveAll());
          return;
        }
        w.postMessage({ id, job: jobs[id] });
      };
      w.on('message', (m: { id: number; result?: TensorJobResult; error?: string }) => {
        if (m.error !== undefined || !m.result) {
          void w.terminate();
          reject(new Error(m.error ?? 'worker returned no result'));
          return;
        }
        results[m.id] = m.result;
        send();
      });
      w.on('error', reject);
      send();
    });
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, worker));
  return results;
}
