/**
 * List the files of a local model source: a folder (recursively, skipping VCS
 * metadata) or a single file. Symlinked files are followed (hub caches use
 * them); directory loops are not.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { InputError } from '../../core/errors.js';

const SKIP_DIRS = new Set(['.git', '.hg', '.svn', '.modelgate', 'node_modules', '.cache']);

/** A file found under a source root, with its `/`-separated relative path. */
export interface WalkedFile {
  path: string;
  absolute: string;
  size: number;
}

/** Walk a file or folder; paths are relative to the folder (or the file's name). */
export async function walkSource(root: string): Promise<WalkedFile[]> {
  let info;
  try {
    info = await stat(root);
  } catch (e) {
    throw new InputError('MG_INPUT_NOT_FOUND', root, 'does not exist', e);
  }
  if (info.isFile()) return [{ path: basename(root), absolute: root, size: info.size }];
  const out: WalkedFile[] = [];
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    const real = await realpath(dir);
    if (seen.has(real)) continue;
    seen.add(real);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) stack.push(abs);
        continue;
      }
      const s = entry.isSymbolicLink() ? await stat(abs).catch(() => undefined) : await stat(abs);
      if (s?.isDirectory()) stack.push(abs);
      else if (s?.isFile()) out.push({ path: relative(root, abs).split(sep).join('/'), absolute: abs, size: s.size });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
