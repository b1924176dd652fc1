/**
 * User packs: a YAML or JSON file validated by `PackFileSchema`. Every
 * problem is collected and reported at once, naming the file and the probe:
 * `my-pack.yaml: probes[3].detector.type: unknown detector "canary"`.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../core/errors.js';
import { PackFileSchema, type PackFile } from './schema.js';
import type { Pack, Probe } from './types.js';

function path(p: readonly PropertyKey[]): string {
  return p.map((x, i) => (typeof x === 'number' ? `[${x}]` : `${i === 0 ? '' : '.'}${String(x)}`)).join('') || '(file)';
}

function toPack(file: PackFile, source: string): Pack {
  const probes: Probe[] = file.probes.map((p, i) => {
    const messages = p.messages ?? [...(p.system ? [{ role: 'system' as const, content: p.system }] : []), { role: 'user' as const, content: p.prompt as string }];
    const probe: Probe = { id: p.id ?? `probe-${i}`, family: p.family ?? 'custom', lang: p.lang, messages };
    if (p.tools) probe.tools = p.tools;
    if (p.detector) probe.detector = p.detector;
    if (p.control) probe.control = true;
    return probe;
  });
  return { id: file.id, title: file.title ?? file.id, description: file.description ?? `user pack ${source}`, detector: file.detector, probes };
}

/** Parse and check pack text; `source` names the file in messages. */
export function parsePack(text: string, source: string): Pack {
  let raw: unknown;
  try {
    raw = source.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new InputError('MG_INPUT_INVALID', source, `not valid ${source.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = PackFileSchema.safeParse(raw);
  if (!r.success) throw new InputError('MG_INPUT_INVALID', source, r.error.issues.map((i) => `${path(i.path)}: ${i.message}`).join('\n'));
  const ids = new Set<string>();
  const dupes = toPack(r.data, source).probes.filter((p) => (ids.has(p.id) ? true : (ids.add(p.id), false)));
  if (dupes.length > 0) throw new InputError('MG_INPUT_INVALID', source, `duplicate probe ids: ${dupes.map((p) => p.id).join(', ')}`);
  return toPack(r.data, source);
}

/** Read a pack file (`.yaml`, `.yml` or `.json`). */
export async function loadPackFile(file: string): Promise<Pack> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'MG_INPUT_NOT_FOUND' : 'MG_INPUT_UNREADABLE', file, code === 'ENOENT' ? 'pack file not found' : (e as Error).message, e);
  }
  return parsePack(text, file);
}
