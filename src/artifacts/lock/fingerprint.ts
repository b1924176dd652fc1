/** Digests derived from file lists, used as the "revision" of local sources. */
import { createHash } from 'node:crypto';

/** `sha256:<hex>` over sorted `path NUL sha256 LF` lines: changes whenever any file is added, removed or edited. */
export function treeDigest(files: readonly { path: string; sha256: string }[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(`${f.path}\0${f.sha256}\n`);
  return `sha256:${h.digest('hex')}`;
}
