/**
 * Config pipeline: YAML (with line numbers) → schema → cross-field rules →
 * `Config`, or a ConfigError whose message lists every problem as
 * `file:line:col key.path: message`.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { ConfigError } from '../errors.js';
import { WrittenConfigSchema, type Config } from './config.schema.js';
import { CONFIG_RULES, type ConfigIssue } from './rules.js';

/** Parse and validate config text; `file` is used in messages only. */
export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return `${file}:${pos.line}:${pos.col}: ${e.message.split('\n')[0]}`;
    });
    throw new ConfigError('MG_CONFIG_YAML', file, `invalid YAML\n${lines.join('\n')}`);
  }
  let raw: unknown;
  try {
    // Aliases are capped so a "billion laughs" document cannot expand without bound.
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new ConfigError('MG_CONFIG_YAML', file, `invalid YAML: ${(e as Error).message.split('\n')[0]}`, e);
  }
  const parsed = WrittenConfigSchema.safeParse(raw);
  const issues: ConfigIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
  if (parsed.success) for (const rule of CONFIG_RULES) rule(parsed.data, issues);
  if (issues.length > 0 || !parsed.success) {
    const lines = issues.map((i) => {
      const node = doc.getIn(i.path, true);
      const offset = isNode(node) && node.range ? node.range[0] : findParentOffset(doc, i.path);
      const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
      const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
      return `${where}: ${i.path.join('.') || '(root)'}: ${i.message}`;
    });
    throw new ConfigError('MG_CONFIG_INVALID', file, `${issues.length} problem(s)\n${lines.join('\n')}`);
  }
  return parsed.data;
}

// A missing key has no node; point at the nearest ancestor that exists.
function findParentOffset(doc: ReturnType<typeof parseDocument>, path: (string | number)[]): number | undefined {
  for (let n = path.length - 1; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

/** Read and validate a config file. */
export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError('MG_CONFIG_NOT_FOUND', file, 'not found (run `modelgate init` to create one)');
    throw new ConfigError('MG_CONFIG_NOT_FOUND', file, `cannot read: ${(e as Error).message}`, e);
  }
  return parseConfig(text, file);
}
