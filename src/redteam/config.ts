/**
 * Reading the `redteam:` section (packs, thresholds) from a yaml file: a
 * modelgate.yaml carrying it, or a file holding the section's keys alone.
 * A missing default file is no config; a named file must exist.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../core/errors.js';
import { RedteamConfigSchema, type RedteamConfig } from './schema.js';

/** The red-team config in `file`; `{}` when `optional` and the file does not exist. */
export async function loadRedteamConfig(file: string, optional = false): Promise<RedteamConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (optional && (e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new InputError('MG_INPUT_NOT_FOUND', file, 'red-team config not found', e);
  }
  const raw = (parseYaml(text) ?? {}) as Record<string, unknown>;
  const section = raw && typeof raw === 'object' && 'redteam' in raw ? raw.redteam : 'thresholds' in raw || 'packs' in raw ? raw : {};
  const r = RedteamConfigSchema.safeParse(section ?? {});
  if (!r.success) throw new InputError('MG_INPUT_INVALID', file, r.error.issues.map((i) => `redteam.${i.path.join('.')}: ${i.message}`).join('\n'));
  return r.data;
}
