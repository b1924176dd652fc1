/**
 * Bounded streaming inflate over a ByteSource window. Output stops at `limit`
 * bytes (the zlib stream is destroyed, never drained), input is read in
 * chunks, and the deadline is checked between chunks, so a bomb costs at most
 * `limit` bytes of memory and a bounded amount of time.
 */
import { createInflate, createInflateRaw } from 'node:zlib';
import type { ByteSource } from '../io/byte-source.js';

const READ_CHUNK = 256 * 1024;

/** How an inflation ended. */
export type InflateStatus = 'ok' | 'limit' | 'corrupt' | 'truncated' | 'deadline';

/** Output of `inflateBounded`. */
export interface InflateResult {
  /** Bytes produced, at most the limit (partial output on error: loaders stream it too). */
  data: Uint8Array;
  status: InflateStatus;
  /** Compressed bytes consumed up to the end of the deflate stream (exact when status is ok). */
  consumed: number;
  /** zlib's message for corrupt or truncated input. */
  detail?: string;
}

/** Options for one inflation. */
export interface InflateOptions {
  /** `raw` deflate (zip, gzip body) or `zlib`-wrapped (joblib). */
  format: 'raw' | 'zlib';
  /** Most bytes to produce; one more byte means status `limit`. */
  limit: number;
  /** Wall-clock deadline (ms since epoch). */
  deadline: number;
}

/** Inflate `length` bytes of `src` from `offset`, never producing more than `opts.limit` bytes. */
export async function inflateBounded(src: ByteSource, offset: number, length: number, opts: InflateOptions): Promise<InflateResult> {
  const z = opts.format === 'raw' ? createInflateRaw() : createInflate();
  const chunks: Buffer[] = [];
  let produced = 0;
  let status: InflateStatus | undefined;
  let detail: string | undefined;
  let ended = false;
  const finished = new Promise<void>((resolve) => {
    z.on('data', (c: Buffer) => {
      if (status !== undefined) return;
      const room = opts.limit - produced;
      if (c.length > room) {
        if (room > 0) chunks.push(c.subarray(0, room));
        produced = opts.limit;
        status = 'limit';
        z.destroy();
        resolve();
        return;
      }
      chunks.push(c);
      produced += c.length;
    });
    z.on('end', () => {
      ended = true;
      resolve();
    });
    z.on('error', (e: NodeJS.ErrnoException) => {
      status ??= e.code === 'Z_BUF_ERROR' ? 'truncated' : 'corrupt';
      detail = e.message;
      resolve();
    });
    z.on('close', () => resolve());
  });
  await feed(z, src, offset, length, opts.deadline, finished, () => status !== undefined || ended).then((late) => {
    if (late) status ??= 'deadline';
  });
  if (status === undefined && !ended) z.end();
  if (status === 'deadline') z.destroy();
  await finished;
  const data = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, produced);
  return { data, status: status ?? (ended ? 'ok' : 'truncated'), consumed: z.bytesWritten, ...(detail ? { detail } : {}) };
}

type Writable = ReturnType<typeof createInflateRaw>;

// Writes input chunks with backpressure; resolves true when it stopped for the deadline.
async function feed(
  z: Writable,
  src: ByteSource,
  offset: number,
  length: number,
  deadline: number,
  finished: Promise<void>,
  stop: () => boolean,
): Promise<boolean> {
  let pos = 0;
  while (pos < length && !stop()) {
    if (Date.now() > deadline) return true;
    const chunk = await src.read(offset + pos, Math.min(READ_CHUNK, length - pos));
    if (chunk.length === 0) break;
    pos += chunk.length;
    if (!z.write(chunk)) await drained(z, finished);
  }
  return false;
}

function drained(z: Writable, finished: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      z.off('drain', done);
      resolve();
    };
    z.on('drain', done);
    void finished.then(done);
  });
}
