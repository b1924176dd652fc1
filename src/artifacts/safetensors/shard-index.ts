/**
 * Sharded checkpoints: `model.safetensors.index.json` maps tensor names to
 * shard files through `weight_map`. Loaders join those names onto the model
 * folder, so each must be a plain file name.
 */
import type { Finding } from '../../core/findings.js';
import { SAFETENSORS_INDEX_PATH, SAFETENSORS_INDEX_SHARD } from './rules.js';

/** True when a shard name stays inside its folder: no separators, no dot segments, no drive or NUL. */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && name !== '.' && name !== '..' && !/[/\\:\0]/.test(name) && !name.startsWith('~');
}

/**
 * Check an index file's `weight_map`. `siblings`, when known, lists the files
 * next to the index so missing shards can be named.
 */
export function checkShardIndex(file: string, index: Record<string, unknown>, siblings?: ReadonlySet<string>): Finding[] {
  const map = index.weight_map;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return [];
  const safetensorsIndex = /\.safetensors\.index\.json$/i.test(file);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const [tensor, shard] of Object.entries(map)) {
    if (typeof shard !== 'string' || seen.has(shard)) continue;
    seen.add(shard);
    const location = { key: `weight_map.${tensor}` };
    if (!isPlainFileName(shard)) {
      out.push({ ruleId: SAFETENSORS_INDEX_PATH.id, severity: 'high', file, location, message: `shard '${shard.slice(0, 120)}' is not a plain file name in the model folder`, evidence: shard.slice(0, 200) });
    } else if (safetensorsIndex && !shard.toLowerCase().endsWith('.safetensors')) {
      out.push({ ruleId: SAFETENSORS_INDEX_SHARD.id, severity: 'medium', file, location, message: `safetensors index points at '${shard}', which is not a .safetensors shard`, evidence: shard });
    } else if (siblings && !siblings.has(shard)) {
      out.push({ ruleId: SAFETENSORS_INDEX_SHARD.id, severity: 'medium', file, location, message: `shard '${shard}' is not in the folder`, evidence: shard });
    }
  }
  return out;
}
