/**
 * SHA-256 of many files at disk/CPU speed: files are spread over a pool of
 * worker threads (one per core), each streaming its file once. Small jobs
 * stay on the main thread because starting workers costs more than it saves.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HASH_WORKER_SOURCE } from './hash-worker-source.js';

/** A file to hash; `size` (from stat) drives scheduling and progress totals. */
export interface HashJob {
  path: string;
  size: number;
}

/** Outcome per file, in the order the jobs were given. */
export type HashResult =
  | { path: string; ok: true; sha256: string; size: number }
  | { path: string; ok: false; code: string | undefined; message: string };

/** Progress in bytes across all jobs. */
export type HashProgress = (done: number, total: number) => void;

export interface HashOptions {
  /** Worker threads to use (default: the machine's available parallelism). */
  threads?: number;
  onProgress?: HashProgress;
  /** Below this many total bytes, hash on the main thread (default 64 MiB). */
  inlineBelow?: number;
}

/** Hash files, in parallel when it pays; never throws for per-file errors. */
export async function hashFiles(jobs: readonly HashJob[], options: HashOptions = {}): Promise<HashResult[]> {
  const total = jobs.reduce((n, j) => n + j.size, 0);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), jobs.length));
  if (jobs.length === 0) return [];
  if (threads === 1 || total < (options.inlineBelow ?? 64 * 1024 * 1024)) return hashInline(jobs, total, options.onProgress);
  return hashInWorkers(jobs, threads, total, options.onProgress);
}

/** SHA-256 of one file by streaming it on the main thread. */
export async function hashFile(path: string, onBytes?: (n: number) => void): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    onBytes?.(chunk.length);
  }
  return { sha256: hash.digest('hex'), size };
}

async function hashInline(jobs: readonly HashJob[], total: number, onProgress?: HashProgress): Promise<HashResult[]> {
  let done = 0;
  const results: HashResult[] = [];
  for (const job of jobs) {
    try {
      const r = await hashFile(job.path, (n) => {
        done += n;
        onProgress?.(done, total);
      });
      results.push({ path: job.path, ok: true, ...r });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      results.push({ path: job.path, ok: false, code: err.code, message: err.message });
    }
  }
  return results;
}

interface WorkerMessage {
  id: number;
  progress?: number;
  done?: { sha256: string; size: number };
  error?: { code?: string; message: string };
}

async function hashInWorkers(jobs: readonly HashJob[], threads: number, total: number, onProgress?: HashProgress): Promise<HashResult[]> {
  // Largest first, so the last file to finish is a small one and cores stay busy.
  const order = jobs.map((j, i) => i).sort((a, b) => (jobs[b]?.size ?? 0) - (jobs[a]?.size ?? 0));
  const results: HashResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(HASH_WORKER_SOURCE, { eval: true });
      const feed = () => {
        const id = order[next++];
        if (id === undefined) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage({ id, path: jobs[id]?.path });
      };
      worker.on('message', (m: WorkerMessage) => {
        const path = jobs[m.id]?.path ?? '';
        if (m.progress) {
          done += m.progress;
          onProgress?.(done, total);
        }
        if (m.done) results[m.id] = { path, ok: true, sha256: m.done.sha256, size: m.done.size };
        if (m.error) results[m.id] = { path, ok: false, code: m.error.code, message: m.error.message };
        if (m.done || m.error) feed();
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  return results;
}
