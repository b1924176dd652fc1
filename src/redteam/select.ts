/** Resolving `--packs`: built-in ids, or paths of user pack files. */
import { UsageError } from '../core/errors.js';
import { loadPackFile } from './load-pack.js';
import { builtinPacks } from './packs/index.js';
import type { Pack } from './types.js';

/** The packs named (all built-in packs when none are). */
export async function selectPacks(names?: readonly string[]): Promise<Pack[]> {
  if (!names || names.length === 0) return Object.values(builtinPacks);
  const out: Pack[] = [];
  for (const name of names) {
    if (Object.hasOwn(builtinPacks, name)) out.push(builtinPacks[name as keyof typeof builtinPacks]);
    else if (/[/\\.]/.test(name)) out.push(await loadPackFile(name));
    else throw new UsageError(`unknown pack "${name}": built-in packs are ${Object.keys(builtinPacks).join(', ')}; a user pack is a path to a .yaml or .json file`);
  }
  return out;
}
