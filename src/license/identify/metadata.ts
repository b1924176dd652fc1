/**
 * Reads license metadata (model-card `license` / `license_name` /
 * `license_link`, GGUF `general.license*`) into license ids. Hub tags map
 * through catalog `cardIds` and SPDX ids; free-form names through catalog
 * names and titles; links through catalog and SPDX URLs.
 */
import { loadCatalog } from '../catalog/load.js';
import type { CatalogEntry } from '../types.js';
import { resolveCandidates, scoreCatalog } from './catalog-match.js';
import { makeDoc } from './doc.js';
import { isLicenseFileName } from './file-names.js';
import { normalizePhrase } from './normalize.js';
import { spdxLicenses } from './spdx-index.js';

/** What one metadata value says. */
export interface MetaMatch {
  says: string | undefined;
  entry: CatalogEntry | undefined;
  /** 0..1 before the source's own weight is applied. */
  strength: number;
  note?: string;
  unseenVersion?: string;
}

/** Hub tags that name no single license. */
const PLACEHOLDERS = new Set(['other', 'unknown', 'none', 'noassertion', 'proprietary', '']);
const FAMILY_TAGS = new Set(['openrail', 'bsd', 'cc', 'gpl', 'lgpl', 'gfdl']);

interface Lookup {
  tags: Map<string, { id: string; entry: CatalogEntry | undefined }>;
  names: Map<string, { id: string; entry: CatalogEntry | undefined }>;
  urls: Map<string, { id: string; entry: CatalogEntry | undefined }>;
}
let lookup: Lookup | undefined;

/** Whether a card/GGUF license tag is a placeholder such as `other` or `unknown`. */
export function isPlaceholderTag(tag: string): boolean {
  return PLACEHOLDERS.has(tag.trim().toLowerCase());
}

/** A hub license tag (`apache-2.0`, `llama3.1`, `gemma`) or an SPDX id. */
export function matchTag(tag: string): MetaMatch {
  const key = tag.trim().toLowerCase();
  if (PLACEHOLDERS.has(key)) return { says: undefined, entry: undefined, strength: 0, note: `"${tag}" names no license` };
  const hit = tables().tags.get(key) ?? tables().tags.get(`${key}-only`) ?? tables().tags.get(compact(key));
  if (hit) return { says: hit.id, entry: hit.entry, strength: 1 };
  if (FAMILY_TAGS.has(key)) return { says: undefined, entry: undefined, strength: 0, note: `"${tag}" is a license family, not one license` };
  return matchName(tag);
}

/** A free-form license name (`license_name`, `general.license.name`). */
export function matchName(name: string): MetaMatch {
  const t = tables();
  const key = name.trim().toLowerCase();
  const exact = t.tags.get(key) ?? t.tags.get(key.replace(/\s+/g, '-')) ?? t.names.get(normalizePhrase(name));
  if (exact) return { says: exact.id, entry: exact.entry, strength: 0.95 };
  // A name is a title without a text: accept a catalog title hit, however small the score.
  const resolved = resolveCandidates(scoreCatalog(makeDoc(name)));
  const top = resolved?.candidate;
  if (top && top.title && top.score > 0) {
    const unseen = resolved.unseenVersion;
    const id = top.entry.spdx ?? top.entry.id;
    return { says: id, entry: top.entry, strength: unseen ? 0.5 : top.title === 'exact' ? 0.85 : 0.65, ...(unseen ? { unseenVersion: unseen } : {}) };
  }
  return { says: undefined, entry: undefined, strength: 0, note: `no known license is named "${name}"` };
}

/** A license link (`license_link`, `general.license.link`). */
export function matchLink(link: string): MetaMatch {
  const url = normalizeUrl(link);
  const hit = tables().urls.get(url) ?? [...tables().urls.entries()].find(([u]) => url.startsWith(`${u}/`))?.[1];
  if (hit) return { says: hit.id, entry: hit.entry, strength: 0.9 };
  const last = url.split('/').pop() ?? '';
  const tag = tables().tags.get(last.replace(/\.(md|txt|html?)$/, ''));
  if (tag) return { says: tag.id, entry: tag.entry, strength: 0.7 };
  if (isLicenseFileName(decodeURIComponent(last))) {
    return { says: undefined, entry: undefined, strength: 0, note: 'points to a license file; that file\'s text decides' };
  }
  return { says: undefined, entry: undefined, strength: 0, note: 'link to no known license' };
}

// "Llama-3.1", "llama_3.1" and "llama3.1" are one tag; the compact form drops separators.
function compact(tag: string): string {
  return `~${tag.toLowerCase().replace(/[\s_-]+/g, '')}`;
}

function normalizeUrl(link: string): string {
  return link.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
}

function tables(): Lookup {
  if (lookup) return lookup;
  const tags: Lookup['tags'] = new Map();
  const names: Lookup['names'] = new Map();
  const urls: Lookup['urls'] = new Map();
  for (const [id, l] of Object.entries(spdxLicenses())) {
    tags.set(id.toLowerCase(), { id, entry: undefined });
    names.set(normalizePhrase(l.name), { id, entry: undefined });
    if (l.url) urls.set(normalizeUrl(l.url), { id, entry: undefined });
  }
  for (const entry of loadCatalog()) {
    const ref = { id: entry.spdx ?? entry.id, entry };
    for (const key of [entry.id, ...entry.cardIds, ...(entry.spdx ? [entry.spdx] : [])]) {
      tags.set(key.toLowerCase(), ref);
      if (!tags.has(compact(key))) tags.set(compact(key), ref);
    }
    for (const n of [entry.name, ...entry.facts.titles]) names.set(normalizePhrase(n), ref);
    if (entry.url) urls.set(normalizeUrl(entry.url), ref);
  }
  lookup = { tags, names, urls };
  return lookup;
}
