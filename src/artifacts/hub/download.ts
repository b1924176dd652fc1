/**
 * Download one file of a commit into the content-addressed store: skip it if
 * the store already has it, otherwise fetch `/{repo}/resolve/{sha}/{path}`
 * (with retries and resume), verify size and hash, then rename it into
 * `blobs/sha256/<hex>`. Nothing unverified ever reaches the store.
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isModelgateError, UpstreamError } from '../../core/errors.js';
import { blobPath, hasBlob, lookupBlobId, partPath, placeBlob, recordBlobId, sizeOf } from './cache.js';
import type { ContentDigest } from './content-hasher.js';
import { describeTarget } from './http-errors.js';
import type { HubHttp } from './http.js';
import { withRetries } from './retry.js';
import { transferOnce, type TransferJob } from './transfer.js';
import type { DownloadedFile, ExpectedFile, HubProgressEvent } from './types.js';

/** What `downloadFile` needs from the client. */
export interface DownloadContext {
  http: HubHttp;
  cacheDir: string;
}

/** Receives byte counts of the file being downloaded. */
export type FileProgress = (fileDone: number, state: HubProgressEvent['state']) => void;

/** URL of a file at a commit; each path segment is escaped on its own. */
export function resolveUrl(endpoint: URL, repo: string, sha: string, path: string): URL {
  const escaped = path.split('/').map(encodeURIComponent).join('/');
  return new URL(`${endpoint.href.replace(/\/$/, '')}/${repo}/resolve/${encodeURIComponent(sha)}/${escaped}`);
}

/** SHA-256 of the file if the store already holds it. */
export async function findCached(cacheDir: string, expected: ExpectedFile): Promise<string | undefined> {
  const sha256 = expected.sha256 ?? (expected.lfs ? undefined : await lookupBlobId(cacheDir, expected.blobId));
  return sha256 && (await hasBlob(cacheDir, sha256, expected.size)) ? sha256 : undefined;
}

/** Make sure one file is in the store, downloading it if needed. */
export async function downloadToStore(
  ctx: DownloadContext,
  request: { repo: string; sha: string; path: string; expected: ExpectedFile },
  progress: FileProgress,
): Promise<DownloadedFile> {
  const { repo, sha, path, expected } = request;
  if (expected.lfs && !expected.sha256) throw new TypeError(`LFS file ${path} needs the sha256 the hub reported`);
  const hit = await findCached(ctx.cacheDir, expected);
  if (hit) {
    progress(expected.size, 'cached');
    return { path, size: expected.size, sha256: hit, blobPath: blobPath(ctx.cacheDir, hit), cached: true };
  }
  const part = partPath(ctx.cacheDir, expected.lfs && expected.sha256 ? expected.sha256 : `git-${expected.blobId}`);
  await mkdir(dirname(part), { recursive: true });
  const job: TransferJob = {
    url: resolveUrl(ctx.http.endpoint, repo, sha, path),
    part,
    expected,
    target: { repo, revision: sha, path },
    onBytes: (done) => progress(done, 'downloading'),
  };
  const digest = await fetchVerified(ctx, job, (await sizeOf(part)) > 0);
  const stored = await placeBlob(ctx.cacheDir, part, digest.sha256);
  if (!expected.lfs) await recordBlobId(ctx.cacheDir, expected.blobId, digest.sha256);
  progress(expected.size, 'done');
  return { path, size: expected.size, sha256: digest.sha256, blobPath: stored, cached: false };
}

/**
 * Transfer with retries, then verify. A failed check deletes the part; if
 * that part was left by an earlier run, its stale prefix may be to blame,
 * so the file is fetched once more from the start before giving up.
 */
async function fetchVerified(ctx: DownloadContext, job: TransferJob, hadStalePart: boolean): Promise<ContentDigest> {
  try {
    const digest = await withRetries(ctx.http.retry, () => transferOnce(ctx.http, job));
    verifyDigest(digest, job);
    return digest;
  } catch (e) {
    if (!isModelgateError(e) || e.code !== 'MG_DOWNLOAD_INTEGRITY') throw e;
    await rm(job.part, { force: true });
    if (hadStalePart) return fetchVerified(ctx, job, false);
    throw e;
  }
}

/** Check size, the LFS SHA-256 (or any SHA-256 the caller knows) and, for regular files, the git blob id. */
export function verifyDigest(digest: ContentDigest, job: Pick<TransferJob, 'expected' | 'target'>): void {
  const { expected } = job;
  const what = describeTarget(job.target);
  if (digest.bytes !== expected.size) {
    throw new UpstreamError('MG_DOWNLOAD_INTEGRITY', `${what}: expected ${expected.size} bytes, got ${digest.bytes}`);
  }
  if (expected.sha256 && digest.sha256 !== expected.sha256) {
    throw new UpstreamError('MG_DOWNLOAD_INTEGRITY', `${what}: expected sha256 ${expected.sha256}, got ${digest.sha256}`);
  }
  if (!expected.lfs && digest.gitBlobId !== expected.blobId) {
    throw new UpstreamError('MG_DOWNLOAD_INTEGRITY', `${what}: expected git blob id ${expected.blobId}, got ${digest.gitBlobId ?? 'none'}`);
  }
}
