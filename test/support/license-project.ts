/**
 * Temp projects for license tests: generated model folders with cards and
 * made-up license wordings, a manifest, and an empty hub cache so nothing is
 * read from the developer's own cache.
 */
import { join } from 'node:path';
import { tempProject } from './temp-project.js';

/** A model card with front matter; list values become YAML lists. */
export function cardText(fields: Record<string, string | string[]>, body = '# model\n'): string {
  const lines = Object.entries(fields).map(([k, v]) => (Array.isArray(v) ? `${k}:\n${v.map((x) => `  - ${x}`).join('\n')}` : `${k}: ${v}`));
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** modelgate.yaml with local models under ./models/<name> and an optional policy block (YAML, indented by two). */
export function manifest(models: string[], policy?: string): string {
  const m = models.map((n) => `\n  ${n}:\n    source: ./models/${n}`).join('');
  return `version: 1\nmodels:${m || ' {}'}\n${policy ? `policy:\n${policy}` : ''}`;
}

/** Create the project and point MODELGATE_CACHE at an empty folder inside it. */
export async function licenseProject(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await tempProject(files);
  process.env.MODELGATE_CACHE = join(dir, '.hub-cache');
  return dir;
}

/** Weights stand-in: bytes that are not a model format anyone loads. */
export const WEIGHTS = 'w'.repeat(256);
