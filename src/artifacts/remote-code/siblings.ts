/**
 * Names of the files next to a scanned file, when that can be known safely.
 * Scanners only see a ByteSource; its name is a display name that may be
 * relative to some other folder, so the folder is listed only when the name is
 * an absolute path to a regular file of exactly the scanned size.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import type { ByteSource } from '../io/byte-source.js';

/** File names in the same folder, or undefined when they cannot be trusted to be the right folder. */
export async function siblingNames(src: ByteSource, depth: number): Promise<ReadonlySet<string> | undefined> {
  if (depth !== 0 || src.name.includes('!') || !isAbsolute(src.name)) return undefined;
  try {
    const s = await stat(src.name);
    if (!s.isFile() || s.size !== src.size) return undefined;
    return new Set(await readdir(dirname(src.name)));
  } catch {
    return undefined;
  }
}
