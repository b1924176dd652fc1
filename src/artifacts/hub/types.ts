/**
 * Public shapes of the Hugging Face hub client: what a revision resolves to,
 * what a download or snapshot returns, and the progress events a CLI draws.
 */

/** One file of a repository at a commit, as the hub's model-info route lists it. */
export interface HubFile {
  /** Path inside the repository, `/`-separated. */
  path: string;
  /** Size of the real content in bytes (for LFS files, the large file, not the pointer). */
  size: number;
  /** SHA-256 of the content: reported by the hub for LFS files, known from the cache for others once downloaded. */
  sha256?: string;
  /** Git object id: of the content for regular files, of the pointer file for LFS files. */
  blobId: string;
  /** True when the file is stored in Git LFS (and served from the CDN). */
  lfs: boolean;
}

/** What the hub should send for one file; the download is checked against it. */
export type ExpectedFile = Omit<HubFile, 'path'>;

/** A branch, tag or commit resolved to its commit and file list. */
export interface ResolvedRevision {
  repo: string;
  /** 40-hex commit sha. */
  sha: string;
  files: HubFile[];
}

/** A file present in the content-addressed blob store. */
export interface CachedFile {
  path: string;
  size: number;
  sha256: string;
  /** Absolute path of the blob, `cacheDir/blobs/sha256/<hex>`. */
  blobPath: string;
}

/** Result of downloading (or finding in the cache) one file. */
export interface DownloadedFile extends CachedFile {
  /** True when the blob was already in the cache and nothing was fetched. */
  cached: boolean;
}

/** Result of `snapshot()`: every selected file, in path order. */
export interface Snapshot {
  repo: string;
  sha: string;
  files: CachedFile[];
}

/** Glob filters for `snapshot()`; patterns without `/` match a base name anywhere. */
export interface SnapshotOptions {
  include?: readonly string[];
  exclude?: readonly string[];
}

/** One entry of a snapshot manifest; `sha256` is absent until the file was downloaded (or the hub reported it). */
export interface ManifestEntry {
  size: number;
  blobId: string;
  lfs: boolean;
  sha256?: string;
}

/** On-disk record of a commit's files, `cacheDir/snapshots/<org>/<repo>/<sha>.json`. */
export interface SnapshotManifest {
  version: 1;
  repo: string;
  sha: string;
  files: Record<string, ManifestEntry>;
}

/** Progress of one file and of the whole operation, in bytes. */
export interface HubProgressEvent {
  repo: string;
  path: string;
  /** `cached`: found in the store; `downloading`: bytes arrived; `done`: verified and stored. */
  state: 'cached' | 'downloading' | 'done';
  fileDone: number;
  fileTotal: number;
  done: number;
  total: number;
}

/** Callback for progress events; called often, so it should only record or redraw. */
export type HubProgressListener = (event: HubProgressEvent) => void;

/** Options of `createHubClient()`; endpoint and token usually come from `hubOptionsFromEnv()`. */
export interface HubClientOptions {
  /** Hub base URL, e.g. `https://huggingface.co`. */
  endpoint: string;
  /** Access token sent as a Bearer header to the hub's origin only; never logged. */
  token?: string | undefined;
  /** Root of the content-addressed cache. */
  cacheDir: string;
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
  onProgress?: HubProgressListener;
  /** Files downloaded at once by `snapshot()` (default 4). */
  concurrency?: number;
  /** Longest wait for response headers or between two body chunks (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt on network errors, 5xx and 429 (default 4). */
  retries?: number;
  /** First backoff delay; doubles on each retry (default 500 ms). */
  backoffMs?: number;
  /** Replaces the timer used between retries (tests). */
  sleep?: (ms: number) => Promise<void>;
}
