/**
 * The hub client: resolve revisions, download files and whole snapshots into
 * a content-addressed cache. Endpoint and token are passed in (see
 * `hubOptionsFromEnv`), so nothing here reads the environment.
 */
import { ModelgateError, UsageError } from '../../core/errors.js';
import { parseSource } from '../../core/config/source.js';
import { isSha1Hex, readSnapshotManifest } from './cache.js';
import { downloadToStore } from './download.js';
import type { HubHttp } from './http.js';
import { ProgressTracker } from './progress.js';
import { sleep } from './retry.js';
import { resolveRevision, takeSnapshot, type HubContext } from './snapshot.js';
import type { DownloadedFile, ExpectedFile, HubClientOptions, ResolvedRevision, Snapshot, SnapshotManifest, SnapshotOptions } from './types.js';

/** Operations of a hub client bound to one endpoint, token and cache. */
export interface HubClient {
  /** Resolve a branch, tag or commit (default `main`) to its commit sha and file list. */
  resolveRevision(repo: string, revision?: string): Promise<ResolvedRevision>;
  /** Bring one file of a commit into the store (no request if it is already there). */
  downloadFile(repo: string, sha: string, path: string, expected: ExpectedFile): Promise<DownloadedFile>;
  /** Resolve and download the selected files of a revision. */
  snapshot(repo: string, revision?: string, options?: SnapshotOptions): Promise<Snapshot>;
  /** The cached manifest of a commit, without touching the network. */
  readSnapshot(repo: string, sha: string): Promise<SnapshotManifest | undefined>;
}

/**
 * Create a hub client.
 *
 * @example
 * const hub = createHubClient({ ...hubOptionsFromEnv(process.env), cacheDir: '.modelgate/cache' });
 * const snap = await hub.snapshot('Qwen/Qwen2.5-0.5B', 'main', { include: ['*.json', '*.safetensors'] });
 */
export function createHubClient(options: HubClientOptions): HubClient {
  const ctx = contextFrom(options);
  return {
    resolveRevision: async (repo, revision = 'main') => {
      checkRepo(repo, revision);
      return resolveRevision(ctx, repo, revision);
    },
    downloadFile: async (repo, sha, path, expected) => {
      checkRepo(repo, sha);
      if (!isSha1Hex(sha)) throw new ModelgateError('MG_SOURCE_INVALID', `downloadFile needs a 40-hex commit sha, not "${sha}"`, 2);
      const tracker = new ProgressTracker(repo, [{ path, size: expected.size }], options.onProgress);
      return downloadToStore(ctx, { repo, sha, path, expected }, (done, state) => tracker.update(path, done, expected.size, state));
    },
    snapshot: async (repo, revision = 'main', snapshotOptions = {}) => {
      checkRepo(repo, revision);
      return takeSnapshot(ctx, repo, revision, snapshotOptions);
    },
    readSnapshot: async (repo, sha) => {
      checkRepo(repo, sha);
      return readSnapshotManifest(options.cacheDir, repo, sha);
    },
  };
}

function contextFrom(options: HubClientOptions): HubContext {
  let endpoint: URL;
  try {
    endpoint = new URL(options.endpoint);
  } catch {
    throw new UsageError(`hub endpoint "${options.endpoint}" is not a URL (check HF_ENDPOINT)`);
  }
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') {
    throw new UsageError(`hub endpoint "${options.endpoint}" must be http(s) (check HF_ENDPOINT)`);
  }
  const http: HubHttp = {
    endpoint,
    token: options.token || undefined,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { retries: options.retries ?? 4, baseDelayMs: options.backoffMs ?? 500, maxDelayMs: 30_000, sleep: options.sleep ?? sleep },
  };
  return { http, cacheDir: options.cacheDir, onProgress: options.onProgress, concurrency: options.concurrency ?? 4 };
}

/** Reject repo and revision strings that `hf:ORG/REPO[@REVISION]` would reject. */
function checkRepo(repo: string, revision: string): void {
  const parsed = parseSource(`hf:${repo}@${revision}`);
  if (!parsed.ok) throw new ModelgateError('MG_SOURCE_INVALID', parsed.message, 2);
}
