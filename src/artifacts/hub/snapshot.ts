/**
 * Resolve a revision and bring the selected files of that commit into the
 * store. The commit's manifest is written on resolve and again with every
 * SHA-256 learnt, so verify and lock can later work without the network.
 */
import { UpstreamError } from '../../core/errors.js';
import { selectedByGlobs } from '../../core/glob.js';
import { blobPath, isSha1Hex, readSnapshotManifest, writeSnapshotManifest } from './cache.js';
import { downloadToStore, type DownloadContext } from './download.js';
import { fetchRevision } from './model-info.js';
import { mapLimit } from './pool.js';
import { ProgressTracker } from './progress.js';
import type { HubFile, HubProgressListener, ManifestEntry, ResolvedRevision, Snapshot, SnapshotManifest, SnapshotOptions } from './types.js';

/** Client state shared by resolve, download and snapshot. */
export interface HubContext extends DownloadContext {
  onProgress: HubProgressListener | undefined;
  concurrency: number;
}

/**
 * Branch or tag to commit plus file list. A full commit sha whose manifest is
 * cached is answered offline: a commit's tree never changes.
 */
export async function resolveRevision(ctx: HubContext, repo: string, revision: string): Promise<ResolvedRevision> {
  if (isSha1Hex(revision)) {
    const cached = await readSnapshotManifest(ctx.cacheDir, repo, revision);
    if (cached) return fromManifest(cached);
  }
  const resolved = await fetchRevision(ctx.http, repo, revision);
  await writeSnapshotManifest(ctx.cacheDir, repo, resolved.sha, toEntries(resolved.files, new Map()));
  return resolved;
}

/** Resolve, filter, download what is missing (bounded parallelism) and report every selected file. */
export async function takeSnapshot(ctx: HubContext, repo: string, revision: string, options: SnapshotOptions): Promise<Snapshot> {
  const { sha, files } = await resolveRevision(ctx, repo, revision);
  const wanted = files.filter((f) => selectedByGlobs(f.path, options.include, options.exclude));
  if (wanted.length === 0 && files.length > 0) {
    const filters = JSON.stringify({ include: options.include ?? [], exclude: options.exclude ?? [] });
    throw new UpstreamError('MG_HUB_NOT_FOUND', `no file of ${repo}@${sha} matches ${filters}`);
  }
  const tracker = new ProgressTracker(repo, wanted, ctx.onProgress);
  const learnt = new Map<string, string>();
  let failure: { error: unknown } | undefined;
  try {
    // Files with identical content (same LFS hash or git blob) are fetched once.
    await mapLimit([...groupByContent(wanted).values()], ctx.concurrency, async (same) => {
      const first = same[0] as HubFile;
      const got = await downloadToStore(ctx, { repo, sha, path: first.path, expected: first }, (done, state) => {
        for (const f of same) tracker.update(f.path, done, f.size, state);
      });
      for (const f of same) learnt.set(f.path, got.sha256);
    });
  } catch (error) {
    failure = { error };
  }
  // Record what was learnt even when a file failed, so the next run has less to do.
  await writeSnapshotManifest(ctx.cacheDir, repo, sha, toEntries(files, learnt));
  if (failure) throw failure.error;
  return {
    repo,
    sha,
    files: wanted.map((f) => {
      const sha256 = learnt.get(f.path) as string;
      return { path: f.path, size: f.size, sha256, blobPath: blobPath(ctx.cacheDir, sha256) };
    }),
  };
}

function groupByContent(files: readonly HubFile[]): Map<string, HubFile[]> {
  const groups = new Map<string, HubFile[]>();
  for (const f of files) {
    const key = f.sha256 ? `sha256:${f.sha256}` : `git:${f.blobId}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

function toEntries(files: readonly HubFile[], learnt: ReadonlyMap<string, string>): Record<string, ManifestEntry> {
  const entries: Record<string, ManifestEntry> = {};
  for (const f of files) {
    const sha256 = learnt.get(f.path) ?? f.sha256;
    entries[f.path] = { size: f.size, blobId: f.blobId, lfs: f.lfs, ...(sha256 ? { sha256 } : {}) };
  }
  return entries;
}

function fromManifest(m: SnapshotManifest): ResolvedRevision {
  const files = Object.entries(m.files).map(([path, e]): HubFile => ({ path, size: e.size, blobId: e.blobId, lfs: e.lfs, ...(e.sha256 ? { sha256: e.sha256 } : {}) }));
  return { repo: m.repo, sha: m.sha, files };
}
