/**
 * Digests the gate's cache keys are built from: sha256 over canonical JSON
 * (sorted keys) or over file bytes. Secrets never enter them: config sections
 * hold environment variable names, not keys.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sortKeysDeep } from '../core/sorted-json.js';

/** sha256 of canonical JSON of `value` (`null` for undefined, so absent sections still digest). */
export function digestOf(value: unknown): string {
  return `sha256:${createHash('sha256')
    .update(JSON.stringify(sortKeysDeep(value ?? null)))
    .digest('hex')}`;
}

/** sha256 of a file's bytes; a missing file digests as `missing` so the check runs and reports it. */
export async function fileDigest(path: string): Promise<string> {
  const bytes = await readFile(path).catch(() => undefined);
  return bytes ? `sha256:${createHash('sha256').update(bytes).digest('hex')}` : 'missing';
}

/** A cheap identity of a path outside the lock (a lineage comparison folder): size and mtime of each file. */
export async function pathStamp(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 'missing';
  if (!info.isDirectory()) return digestOf([info.size, Math.floor(info.mtimeMs)]);
  const names = (await readdir(path)).sort();
  return digestOf(await Promise.all(names.map(async (n) => [n, await pathStamp(join(path, n))])));
}

/** Digest of every file in a folder (the license catalog), by name and content. */
export async function folderDigest(dir: string): Promise<string> {
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  return digestOf(await Promise.all(names.map(async (n) => [n, await fileDigest(join(dir, n))])));
}

/** The license catalog beside `src/` (or `dist/`), whose entries the license check reads. */
export const CATALOG_DIR = fileURLToPath(new URL('../../catalog/licenses/', import.meta.url));

/** modelgate's version from package.json (read when called, never at import time). */
export async function packageVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
