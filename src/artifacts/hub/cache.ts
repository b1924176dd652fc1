/**
 * Layout of the content-addressed cache:
 *
 *   blobs/sha256/<hex>               file contents, named by their SHA-256
 *   blobs/git-sha1/<blobId>          text file holding the SHA-256 of that git blob,
 *                                    so a regular file is found again without a download
 *   snapshots/<org>/<repo>/<sha>.json  path -> size, blob ids, SHA-256 for one commit
 *   tmp/<key>.part                   downloads in progress, kept for resuming
 *
 * Everything that appears in a path is validated first, since repo names and
 * hashes come from user input and from the network.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ManifestEntry, SnapshotManifest } from './types.js';

const HEX64 = /^[0-9a-f]{64}$/;
const HEX40 = /^[0-9a-f]{40}$/;
const REPO = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

/** True for a lowercase 40-hex git object id or commit sha. */
export function isSha1Hex(value: string): boolean {
  return HEX40.test(value);
}

/** True for a lowercase 64-hex SHA-256. */
export function isSha256Hex(value: string): boolean {
  return HEX64.test(value);
}

function checked(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value) || value.includes('..')) throw new TypeError(`not a valid ${what}: ${JSON.stringify(value)}`);
  return value;
}

/** Where the blob with this SHA-256 lives. */
export function blobPath(cacheDir: string, sha256: string): string {
  return join(cacheDir, 'blobs', 'sha256', checked(sha256, HEX64, 'sha256'));
}

/** Where a download of the content with this key (a SHA-256 or a git blob id) is staged. */
export function partPath(cacheDir: string, key: string): string {
  return join(cacheDir, 'tmp', `${checked(key, /^(?:[0-9a-f]{64}|git-[0-9a-f]{40})$/, 'download key')}.part`);
}

/** Where the manifest of `repo` at commit `sha` is stored. */
export function manifestPath(cacheDir: string, repo: string, sha: string): string {
  const [org, name] = checked(repo, REPO, 'repository').split('/') as [string, string];
  return join(cacheDir, 'snapshots', org, name, `${checked(sha, HEX40, 'commit sha')}.json`);
}

function blobIdIndexPath(cacheDir: string, blobId: string): string {
  return join(cacheDir, 'blobs', 'git-sha1', checked(blobId, HEX40, 'git blob id'));
}

/** Size of a file, or -1 when it does not exist. */
export async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return -1;
    throw e;
  }
}

/** True when the store holds a blob with this hash and the expected size. */
export async function hasBlob(cacheDir: string, sha256: string, size: number): Promise<boolean> {
  return (await sizeOf(blobPath(cacheDir, sha256))) === size;
}

/** Move a verified download into the store; rename is atomic on one file system. */
export async function placeBlob(cacheDir: string, part: string, sha256: string): Promise<string> {
  const target = blobPath(cacheDir, sha256);
  await mkdir(dirname(target), { recursive: true });
  await rename(part, target);
  return target;
}

/** SHA-256 recorded for a git blob id, if that blob was downloaded before. */
export async function lookupBlobId(cacheDir: string, blobId: string): Promise<string | undefined> {
  try {
    const text = (await readFile(blobIdIndexPath(cacheDir, blobId), 'utf8')).trim();
    return isSha256Hex(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Remember which SHA-256 a git blob id has. */
export async function recordBlobId(cacheDir: string, blobId: string, sha256: string): Promise<void> {
  await writeAtomic(blobIdIndexPath(cacheDir, blobId), `${sha256}\n`);
}

/**
 * Read a commit's manifest; a missing or unreadable one is treated as absent
 * (the cache can always be rebuilt from the hub).
 */
export async function readSnapshotManifest(cacheDir: string, repo: string, sha: string): Promise<SnapshotManifest | undefined> {
  let text: string;
  try {
    text = await readFile(manifestPath(cacheDir, repo, sha), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<SnapshotManifest>;
    if (parsed.version !== 1 || parsed.repo !== repo || parsed.sha !== sha || typeof parsed.files !== 'object' || !parsed.files) return undefined;
    return parsed as SnapshotManifest;
  } catch {
    return undefined;
  }
}

/**
 * Write a commit's manifest, keeping SHA-256s an earlier run already learnt.
 * Keys are sorted so the file is stable and diffable.
 */
export async function writeSnapshotManifest(cacheDir: string, repo: string, sha: string, files: Record<string, ManifestEntry>): Promise<SnapshotManifest> {
  const previous = await readSnapshotManifest(cacheDir, repo, sha);
  const merged: Record<string, ManifestEntry> = {};
  for (const path of Object.keys(files).sort()) {
    const entry = files[path] as ManifestEntry;
    const known = previous?.files[path];
    const sha256 = entry.sha256 ?? (known?.blobId === entry.blobId ? known.sha256 : undefined);
    merged[path] = { size: entry.size, blobId: entry.blobId, lfs: entry.lfs, ...(sha256 ? { sha256 } : {}) };
  }
  const manifest: SnapshotManifest = { version: 1, repo, sha, files: merged };
  await writeAtomic(manifestPath(cacheDir, repo, sha), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Write through a temp file and rename, so readers never see half a file. */
async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}
