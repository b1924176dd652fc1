/**
 * What locking and verifying need from the hub client, as an interface so
 * the lock logic is testable without a network and the hub module stays
 * independent.
 */

/** One file of a downloaded snapshot, already checked against the hub's hashes. */
export interface SnapshotFile {
  path: string;
  size: number;
  sha256: string;
  /** Where the content-addressed copy lives in the cache. */
  blobPath: string;
}

/** Fetch (or reuse from cache) a repository at a revision. */
export interface HubPort {
  snapshot(
    repo: string,
    revision: string,
    options: { include?: readonly string[]; exclude?: readonly string[] },
  ): Promise<{ repo: string; sha: string; files: SnapshotFile[] }>;
  /** Cache path of a blob by its sha256, whether or not it exists. */
  blobPath(sha256: string): string;
}
