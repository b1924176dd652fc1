/**
 * Matches a text against the 727 SPDX license texts of `spdx-license-list`
 * by Dice similarity over word 3-grams of the normalised body (copyright
 * lines dropped). An inverted index over the 3-grams, built lazily on first
 * use, keeps a query to one pass over the postings of its own 3-grams.
 */
import { createRequire } from 'node:module';
import { normalizeLicense, tokensOf } from './normalize.js';

/** One SPDX license as `spdx-license-list/full` describes it. */
export interface SpdxLicense {
  name: string;
  url: string;
  osiApproved: boolean;
  licenseText: string;
}

/** How close a text is to one SPDX license. */
export interface SpdxMatch {
  id: string;
  /** Dice coefficient over distinct word 3-grams, 0..1. */
  similarity: number;
  /** 3-grams of the query that the license text does not have (added or changed wording). */
  extraShingles: number;
  /** Distinct 3-grams in the query. */
  queryShingles: number;
}

interface SpdxIndex {
  ids: string[];
  sizes: number[];
  postings: Map<number, number[]>;
  vocabulary: Map<string, number>;
}

let index: SpdxIndex | undefined;
let licenses: Record<string, SpdxLicense> | undefined;

/** The SPDX license list with texts, loaded on first use. */
export function spdxLicenses(): Record<string, SpdxLicense> {
  licenses ??= createRequire(import.meta.url)('spdx-license-list/full') as Record<string, SpdxLicense>;
  return licenses;
}

/** The `limit` SPDX licenses closest to a text, best first. */
export function matchSpdx(text: string, limit = 3): SpdxMatch[] {
  return matchSpdxBody(normalizeLicense(text).body, limit);
}

/** Like `matchSpdx`, for a body already normalised by `normalizeLicense`. */
export function matchSpdxBody(body: string, limit = 3): SpdxMatch[] {
  const idx = buildIndex();
  const query = shingles(tokensOf(body), idx.vocabulary, false);
  if (query.size === 0) return [];
  const shared = new Map<number, number>();
  for (const s of query) for (const doc of idx.postings.get(s) ?? []) shared.set(doc, (shared.get(doc) ?? 0) + 1);
  const matches: SpdxMatch[] = [];
  for (const [doc, common] of shared) {
    const size = idx.sizes[doc] ?? 0;
    matches.push({ id: idx.ids[doc] ?? '', similarity: (2 * common) / (query.size + size), extraShingles: query.size - common, queryShingles: query.size });
  }
  matches.sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
  return rerankClose(query, matches.slice(0, Math.max(limit, 5))).slice(0, limit);
}

// Near neighbours (CC BY vs CC BY-NC, BSD variants) differ in a few clauses, so Dice alone can
// flip under reformatting. Among candidates within CLOSE of the best, prefer the one whose own
// clauses (3-grams no other close candidate has) the query contains most completely.
const CLOSE = 0.05;
// Deprecated ids whose text equals a current one ("GPL-3.0" is "GPL-3.0-only"): report the current id.
const DEPRECATED = /^(?:AGPL-1\.0|AGPL-3\.0|GPL-1\.0|GPL-2\.0|GPL-3\.0|LGPL-2\.0|LGPL-2\.1|LGPL-3\.0|GFDL-1\.[123])\+?$/;

function rerankClose(query: Set<number>, matches: SpdxMatch[]): SpdxMatch[] {
  const best = matches[0];
  if (!best || best.similarity < 0.5) return matches;
  const close = matches.filter((m) => best.similarity - m.similarity <= CLOSE);
  if (close.length < 2) return matches;
  const sets = close.map((m) => docShingles(m.id));
  const recall = close.map((_, i) => {
    const own = [...(sets[i] ?? [])].filter((s) => sets.every((other, j) => j === i || !other.has(s)));
    return own.length === 0 ? -1 : own.filter((s) => query.has(s)).length / own.length;
  });
  const order = close
    .map((m, i) => ({ m, r: recall[i] ?? -1 }))
    .sort((a, b) => b.r - a.r || b.m.similarity - a.m.similarity || Number(DEPRECATED.test(a.m.id)) - Number(DEPRECATED.test(b.m.id)));
  return [...order.map((o) => o.m), ...matches.slice(close.length)];
}

const docCache = new Map<string, Set<number>>();

function docShingles(id: string): Set<number> {
  let set = docCache.get(id);
  if (!set) {
    const text = spdxLicenses()[id]?.licenseText ?? '';
    set = shingles(tokensOf(normalizeLicense(text).body), buildIndex().vocabulary, false);
    docCache.set(id, set);
  }
  return set;
}

/**
 * Words of the query that sit in runs of at least `minRun` consecutive 3-grams the license text
 * lacks: added clauses. Rewrapping and renumbering leave only short scattered gaps, which do not count.
 */
export function addedWords(body: string, id: string, minRun = 8): number {
  const vocabulary = buildIndex().vocabulary;
  const own = docShingles(id);
  const tokens = tokensOf(body);
  let total = 0;
  let run = 0;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const s = shingles(tokens.slice(i, i + 3), vocabulary, false);
    if ([...s].some((x) => own.has(x))) {
      if (run >= minRun) total += run;
      run = 0;
    } else run++;
  }
  return run >= minRun ? total + run : total;
}

/** Build the index now (it is otherwise built on the first match). */
export function warmSpdxIndex(): void {
  buildIndex();
}

function buildIndex(): SpdxIndex {
  if (index) return index;
  const vocabulary = new Map<string, number>();
  const postings = new Map<number, number[]>();
  const ids: string[] = [];
  const sizes: number[] = [];
  for (const [id, license] of Object.entries(spdxLicenses())) {
    const set = shingles(tokensOf(normalizeLicense(license.licenseText).body), vocabulary, true);
    const doc = ids.length;
    ids.push(id);
    sizes.push(set.size);
    for (const s of set) {
      const list = postings.get(s);
      if (list) list.push(doc);
      else postings.set(s, [doc]);
    }
  }
  index = { ids, sizes, postings, vocabulary };
  return index;
}

// Token ids below 2^16 pack three to a safe integer; rarer ids wrap, and a rare collision only blurs a score.
const ID_SPACE = 1 << 16;

function shingles(tokens: string[], vocabulary: Map<string, number>, grow: boolean): Set<number> {
  const ids = tokens.map((t) => {
    let id = vocabulary.get(t);
    if (id === undefined && grow) {
      id = vocabulary.size;
      vocabulary.set(t, id);
    }
    // Words the SPDX texts never use get ids of their own so they still count towards the query size.
    return id === undefined ? -1 - (hash(t) % ID_SPACE) : id % ID_SPACE;
  });
  const set = new Set<number>();
  if (ids.length < 3) {
    if (ids.length > 0) set.add(pack(ids[0] ?? 0, ids[1] ?? 0, 0));
    return set;
  }
  for (let i = 0; i + 2 < ids.length; i++) set.add(pack(ids[i] ?? 0, ids[i + 1] ?? 0, ids[i + 2] ?? 0));
  return set;
}

function pack(a: number, b: number, c: number): number {
  // Negative ids (unknown words) map above the vocabulary range so they never equal an indexed 3-gram.
  const u = (x: number) => (x < 0 ? ID_SPACE * 2 + x : x) % (ID_SPACE * 2);
  return (u(a) * ID_SPACE * 2 + u(b)) * ID_SPACE * 2 + u(c);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}
