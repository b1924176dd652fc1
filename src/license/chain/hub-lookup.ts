/**
 * Finding a hub model's card and license text outside the manifest: in the
 * local content-addressed cache (offline), or from the hub itself when the
 * caller allows network access.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HubPort } from '../../artifacts/index.js';
import { blobPath, manifestPath, readSnapshotManifest } from '../../artifacts/hub/index.js';
import { isModelgateError } from '../../core/errors.js';
import { readModelDocs, type DocFile } from '../model-license.js';
import type { Identifier, ResolvedModel } from './types.js';

const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
// Patterns without "/" match a base name anywhere; the identifier filters further.
const DOC_PATTERNS = ['README.md', 'readme.md', '*LICENSE*', '*LICENCE*', '*License*', 'NOTICE*', 'COPYING*', 'USE_POLICY*'];

/** True when `ref` looks like `org/repo`. */
export function isHubId(ref: string): boolean {
  return HUB_ID.test(ref) && !ref.includes('..');
}

/** Look a hub id up in the local cache's snapshot manifests; newest snapshot wins. */
export async function lookupInCache(
  cacheDir: string,
  hubId: string,
  identifier: Pick<Identifier, 'isLicenseFileName'>,
): Promise<Omit<ResolvedModel, 'key' | 'label' | 'via'> | undefined> {
  const repoDir = await findRepoDir(cacheDir, hubId);
  if (!repoDir) return undefined;
  const snapshots = (await readdir(repoDir.path).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{40}\.json$/.test(n));
  const dated = await Promise.all(snapshots.map(async (n) => ({ sha: n.slice(0, 40), at: (await stat(join(repoDir.path, n))).mtimeMs })));
  dated.sort((a, b) => b.at - a.at || (a.sha < b.sha ? -1 : 1));
  for (const { sha } of dated) {
    const manifest = await readSnapshotManifest(cacheDir, repoDir.repo, sha);
    if (!manifest) continue;
    const files: DocFile[] = [];
    for (const [path, entry] of Object.entries(manifest.files)) {
      if (!entry.sha256) continue;
      const abs = blobPath(cacheDir, entry.sha256);
      if (await exists(abs)) files.push({ path, absolute: abs });
    }
    const docs = await readModelDocs(files, identifier);
    docs.fileNames = Object.keys(manifest.files).sort();
    return { hubId: repoDir.repo, revision: sha, docs };
  }
  return undefined;
}

/** Fetch a hub model's card and license files (network). */
export async function lookupOnHub(
  hub: Pick<HubPort, 'snapshot'>,
  hubId: string,
  identifier: Pick<Identifier, 'isLicenseFileName'>,
): Promise<{ ok: true; found: Omit<ResolvedModel, 'key' | 'label' | 'via'> } | { ok: false; reason: string }> {
  try {
    const snap = await hub.snapshot(hubId, 'main', { include: DOC_PATTERNS });
    const files = snap.files.map((f) => ({ path: f.path, absolute: f.blobPath }));
    return { ok: true, found: { hubId: snap.repo, revision: snap.sha, docs: await readModelDocs(files, identifier) } };
  } catch (e) {
    if (isModelgateError(e)) return { ok: false, reason: `hub: ${e.message}` };
    throw e;
  }
}

// Hub ids are case-insensitive but cache folders keep the spelling first used.
async function findRepoDir(cacheDir: string, hubId: string): Promise<{ path: string; repo: string } | undefined> {
  let exact: string;
  try {
    exact = dirname(manifestPath(cacheDir, hubId, '0'.repeat(40)));
  } catch {
    return undefined;
  }
  if (await exists(exact)) return { path: exact, repo: hubId };
  const snapshotsRoot = dirname(dirname(exact));
  const [org, name] = hubId.toLowerCase().split('/') as [string, string];
  const orgDir = (await readdir(snapshotsRoot).catch(() => [] as string[])).find((d) => d.toLowerCase() === org);
  if (!orgDir) return undefined;
  const repoDir = (await readdir(join(snapshotsRoot, orgDir)).catch(() => [] as string[])).find((d) => d.toLowerCase() === name);
  return repoDir ? { path: join(snapshotsRoot, orgDir, repoDir), repo: `${orgDir}/${repoDir}` } : undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
