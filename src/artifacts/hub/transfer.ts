/**
 * One attempt at moving a file's bytes into its `.part` file. If a part
 * exists the attempt asks for the rest with `Range: bytes=N-`; a 206 appends,
 * a 200 (a server that ignores Range) starts over. A body that ends early
 * throws a RetryableFailure and leaves the part on disk for the next attempt.
 */
import { open, rm, writeFile } from 'node:fs/promises';
import { UpstreamError } from '../../core/errors.js';
import { sizeOf } from './cache.js';
import { ContentHasher, type ContentDigest } from './content-hasher.js';
import { describeTarget, responseFailure, type HubTarget } from './http-errors.js';
import { hubGet, IdleTimer, networkReason, type HubHttp } from './http.js';
import { RetryableFailure } from './retry.js';
import type { ExpectedFile } from './types.js';

/** A file to fetch into `part`; `onBytes` gets the running byte count. */
export interface TransferJob {
  url: URL;
  part: string;
  expected: ExpectedFile;
  target: HubTarget;
  onBytes: (fileDone: number) => void;
}

/** Run one attempt and return the hashes of the whole part file once it has `expected.size` bytes. */
export async function transferOnce(http: HubHttp, job: TransferJob): Promise<ContentDigest> {
  let offset = Math.max(0, await sizeOf(job.part));
  if (offset > job.expected.size) {
    await rm(job.part, { force: true });
    offset = 0;
  }
  if (offset === job.expected.size) {
    // An empty file needs no request; a full part was left by a run that stopped before verifying.
    if (offset === 0) await writeFile(job.part, new Uint8Array(0));
    return hashPart(job);
  }
  const timer = new IdleTimer(http.timeoutMs);
  try {
    // identity: byte ranges and sizes must refer to the stored bytes, not a compressed form.
    const headers: Record<string, string> = { 'accept-encoding': 'identity', ...(offset > 0 ? { range: `bytes=${offset}-` } : {}) };
    const res = await hubGet(http, job.url, headers, timer);
    const start = await startingOffset(http, res, offset, job);
    await checkDeclaredSize(res, start, job);
    return await streamIntoPart(res, start, job, timer);
  } finally {
    timer.clear();
  }
}

/** Hash a part that already holds every byte. */
async function hashPart(job: TransferJob): Promise<ContentDigest> {
  const hasher = new ContentHasher(job.expected.size, !job.expected.lfs);
  if (job.expected.size > 0) await hasher.updateFromFile(job.part);
  job.onBytes(job.expected.size);
  return hasher.digest();
}

/** Where the response body starts in the file, or throw for an error status. */
async function startingOffset(http: HubHttp, res: Response, offset: number, job: TransferJob): Promise<number> {
  if (res.status === 200) return 0;
  if (res.status === 206) {
    const range = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(res.headers.get('content-range') ?? '');
    if (range && Number(range[1]) === offset) return offset;
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.status === 206 || res.status === 416) {
    // The server disagrees about what we hold: drop the part and start over.
    await rm(job.part, { force: true });
    const final = new UpstreamError('MG_HUB_BAD_RESPONSE', `the hub answered HTTP ${res.status} with an unusable range for ${describeTarget(job.target)}`);
    throw new RetryableFailure(final);
  }
  throw responseFailure(res, job.target, Boolean(http.token));
}

/** Fail fast when the server itself says the file has another size than the hub listed. */
async function checkDeclaredSize(res: Response, start: number, job: TransferJob): Promise<void> {
  const declared = declaredSize(res, start);
  if (declared === undefined || declared === job.expected.size) return;
  await res.body?.cancel().catch(() => undefined);
  throw new UpstreamError('MG_DOWNLOAD_INTEGRITY', `${describeTarget(job.target)}: expected ${job.expected.size} bytes, the server sends ${declared}`);
}

/** Whole-file size from Content-Range (206) or Content-Length (200), when the server states it. */
function declaredSize(res: Response, start: number): number | undefined {
  if (res.status === 206) {
    const total = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1];
    return total === undefined ? undefined : Number(total);
  }
  const length = res.headers.get('content-length');
  return length === null || res.headers.get('content-encoding') ? undefined : start + Number(length);
}

async function streamIntoPart(res: Response, start: number, job: TransferJob, timer: IdleTimer): Promise<ContentDigest> {
  const { size, lfs } = job.expected;
  const hasher = new ContentHasher(size, !lfs);
  if (start > 0) await hasher.updateFromFile(job.part);
  const file = await open(job.part, start > 0 ? 'a' : 'w');
  let done = start;
  job.onBytes(done);
  try {
    const reader = res.body?.getReader();
    for (;;) {
      const chunk = reader ? await readChunk(reader, job, done, timer) : undefined;
      if (!chunk) break;
      timer.touch();
      if (done + chunk.byteLength > size) {
        await reader?.cancel().catch(() => undefined);
        throw new UpstreamError('MG_DOWNLOAD_INTEGRITY', `${describeTarget(job.target)} is longer than the ${size} bytes the hub reported`);
      }
      await file.write(chunk);
      hasher.update(chunk);
      done += chunk.byteLength;
      job.onBytes(done);
    }
    await file.datasync();
  } finally {
    await file.close();
  }
  if (done < size) throw truncated(job, done, 'the connection closed early');
  return hasher.digest();
}

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>, job: TransferJob, done: number, timer: IdleTimer): Promise<Uint8Array | undefined> {
  try {
    const { done: ended, value } = await reader.read();
    return ended ? undefined : value;
  } catch (e) {
    throw truncated(job, done, timer.expired ? `no data for ${timer.ms} ms` : networkReason(e), e);
  }
}

function truncated(job: TransferJob, done: number, why: string, cause?: unknown): RetryableFailure {
  const message =
    `download of ${describeTarget(job.target)} stopped at ${done} of ${job.expected.size} bytes (${why}); ` +
    `the partial file ${job.part} is kept and the next run resumes it`;
  return new RetryableFailure(new UpstreamError('MG_DOWNLOAD_TRUNCATED', message, { cause }));
}
