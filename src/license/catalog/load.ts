/**
 * Loads the license catalog: every `catalog/licenses/*.yaml`, validated
 * against the schema and a few cross-file rules (id = file name, unique ids
 * and card ids, SPDX ids that exist). Problems name the file, line and key
 * path. The catalog ships with the package, so a broken file is a bug and
 * `loadCatalog()` throws; `readCatalogDir()` returns the problems for tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { ConfigError } from '../../core/errors.js';
import type { CatalogEntry } from '../types.js';
import { CatalogEntrySchema } from './schema.js';

/** The shipped catalog folder: `catalog/licenses` at the package root, from `src/` and `dist/` alike. */
export const CATALOG_DIR = fileURLToPath(new URL('../../../catalog/licenses/', import.meta.url));

/** Entries read from a folder, and every problem found, as `file:line:col: key.path: message`. */
export interface CatalogRead {
  entries: CatalogEntry[];
  problems: string[];
}

let cached: CatalogEntry[] | undefined;
let byId: Map<string, CatalogEntry> | undefined;

/**
 * The validated catalog, read once.
 * @example loadCatalog().filter((e) => e.family === 'llama').map((e) => e.id)
 */
export function loadCatalog(): CatalogEntry[] {
  if (cached) return cached;
  const { entries, problems } = readCatalogDir(CATALOG_DIR);
  if (problems.length > 0) {
    throw new ConfigError('MG_CONFIG_INVALID', CATALOG_DIR, `license catalog: ${problems.length} problem(s)\n${problems.join('\n')}`);
  }
  cached = entries;
  return entries;
}

/** A catalog entry by catalog id or SPDX id (case-insensitive). */
export function catalogEntry(id: string): CatalogEntry | undefined {
  if (!byId) {
    byId = new Map();
    for (const e of loadCatalog()) {
      byId.set(e.id.toLowerCase(), e);
      if (e.spdx && !byId.has(e.spdx.toLowerCase())) byId.set(e.spdx.toLowerCase(), e);
    }
  }
  return byId.get(id.toLowerCase());
}

/** Read and validate every `*.yaml` in a folder; never throws for content problems. */
export function readCatalogDir(dir: string): CatalogRead {
  const read: { entry: CatalogEntry; file: string }[] = [];
  const problems: string[] = [];
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const name of files) {
    const file = join(dir, name);
    const entry = parseCatalogFile(readFileSync(file, 'utf8'), file, problems);
    if (entry) read.push({ entry, file });
  }
  crossCheck(read, problems);
  return { entries: read.map((r) => r.entry), problems };
}

/** Validate one catalog file's text; problems are appended, the entry returned when valid. */
export function parseCatalogFile(text: string, file: string, problems: string[]): CatalogEntry | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const where = (offset: number | undefined) => {
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
    return pos ? `${file}:${pos.line}:${pos.col}` : file;
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push(`${where(e.pos[0])}: ${e.message.split('\n')[0]}`);
    return undefined;
  }
  const parsed = CatalogEntrySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      problems.push(`${where(nodeOffset(doc, path))}: ${path.join('.') || '(root)'}: ${issue.message}`);
    }
    return undefined;
  }
  const entry: CatalogEntry = parsed.data;
  const stem = basename(file).replace(/\.ya?ml$/, '');
  if (entry.id !== stem) problems.push(`${where(nodeOffset(doc, ['id']))}: id: "${entry.id}" must equal the file name "${stem}"`);
  return entry;
}

// A missing key has no node; point at the nearest ancestor that exists.
function nodeOffset(doc: ReturnType<typeof parseDocument>, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

function crossCheck(read: { entry: CatalogEntry; file: string }[], problems: string[]): void {
  const spdxIds = new Set(Object.keys(spdxList()));
  const owners = new Map<string, string>();
  const claim = (kind: string, key: string, e: CatalogEntry, file: string) => {
    const prior = owners.get(`${kind}:${key.toLowerCase()}`);
    if (prior !== undefined && prior !== e.id) problems.push(`${file}: ${kind}: "${key}" is also used by ${prior}`);
    else owners.set(`${kind}:${key.toLowerCase()}`, e.id);
  };
  for (const { entry: e, file } of read) {
    claim('id', e.id, e, file);
    for (const c of e.cardIds) claim('cardIds', c, e, file);
    if (e.spdx && !spdxIds.has(e.spdx)) problems.push(`${file}: spdx: "${e.spdx}" is not an SPDX license id`);
    const f = e.facts;
    if (!e.spdx && f.titles.length + f.keyTerms.length === 0) problems.push(`${file}: facts: a license without SPDX text needs titles or keyTerms`);
    const c = e.obligations.commercialUse;
    if (c.status === 'conditional' && c.conditions.length === 0) problems.push(`${file}: obligations.commercialUse.conditions: say on what commercial use is conditional`);
  }
}

function spdxList(): Record<string, unknown> {
  // The full list is 4 MB of JSON; required lazily and only for the cross-check and SPDX matching.
  return createRequire(import.meta.url)('spdx-license-list') as Record<string, unknown>;
}
