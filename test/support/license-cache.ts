/** Seed the content-addressed hub cache with a repo snapshot, as a previous download would have left it. */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { blobPath, manifestPath } from '../../src/artifacts/hub/index.js';

/** Write blobs and a snapshot manifest for `repo`; returns the commit sha used. */
export async function seedCachedRepo(cacheDir: string, repo: string, files: Record<string, string>, sha = 'c'.repeat(40)): Promise<string> {
  const entries: Record<string, { size: number; blobId: string; lfs: boolean; sha256: string }> = {};
  for (const [path, text] of Object.entries(files)) {
    const bytes = Buffer.from(text);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = blobPath(cacheDir, sha256);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    entries[path] = { size: bytes.length, blobId: createHash('sha1').update(bytes).digest('hex'), lfs: false, sha256 };
  }
  const file = manifestPath(cacheDir, repo, sha);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ version: 1, repo, sha, files: entries }));
  return sha;
}
