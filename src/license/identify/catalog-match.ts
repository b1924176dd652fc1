/**
 * Scores a text against every catalog entry by its facts: titles weigh most,
 * then key terms, parties and figures; an `excludes` fact halves the score.
 * A version stated in the text decides between versions of one family, and a
 * version no entry has is reported as such instead of borrowing a neighbour.
 */
import { loadCatalog } from '../catalog/load.js';
import type { CatalogEntry } from '../types.js';
import { findPhrase, type LicenseDoc, type PhraseHit } from './doc.js';
import { figureValues } from './figures.js';
import { normalizePhrase } from './normalize.js';

/** How the text relates to an entry's version. */
export type VersionState = 'match' | 'other' | 'unseen' | 'none';

/** One entry's score for one text. */
export interface CatalogCandidate {
  entry: CatalogEntry;
  /** 0..1 after excludes and version adjustments. */
  score: number;
  title: PhraseHit | 'family' | undefined;
  /** The facts found, normalised, for evidence and debugging. */
  matched: string[];
  versionSeen: string | undefined;
  versionState: VersionState;
}

interface CompiledEntry {
  entry: CatalogEntry;
  titles: string[];
  parties: string[];
  keyTerms: string[];
  figures: number[][];
  excludes: string[];
  versions: RegExp[];
}

const WEIGHTS = { titles: 0.4, keyTerms: 0.3, parties: 0.15, figures: 0.15 } as const;
const HIT_VALUE: Record<PhraseHit | 'family', number> = { exact: 1, near: 0.8, family: 0.75 };
const EXCLUDE_FACTOR = 0.5;
const OTHER_VERSION_FACTOR = 0.5;

const compiledCache = new WeakMap<CatalogEntry[], CompiledEntry[]>();

/** Every entry scored against a document, best first. */
export function scoreCatalog(doc: LicenseDoc, entries: CatalogEntry[] = loadCatalog()): CatalogCandidate[] {
  let compiled = compiledCache.get(entries);
  if (!compiled) {
    compiled = entries.map(compile);
    compiledCache.set(entries, compiled);
  }
  const familyVersions = new Map<string, string[]>();
  for (const c of compiled) familyVersions.set(c.entry.family, [...(familyVersions.get(c.entry.family) ?? []), c.entry.version]);
  return compiled
    .map((c) => scoreEntry(doc, c, familyVersions.get(c.entry.family) ?? []))
    .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
}

function compile(entry: CatalogEntry): CompiledEntry {
  const f = entry.facts;
  return {
    entry,
    titles: f.titles.map(normalizePhrase),
    parties: f.parties.map(normalizePhrase),
    keyTerms: f.keyTerms.map(normalizePhrase),
    figures: f.figures.map((x) => figureValues(x, normalizePhrase)),
    excludes: (entry.excludes ?? []).map(normalizePhrase),
    versions: (entry.versionPatterns ?? []).map(versionRegex),
  };
}

// "llama {v}" → / llama (\d+(?:\.\d+)?)(?= )/; "chatglm{v} 6b" keeps the version glued to the word.
function versionRegex(template: string): RegExp {
  const [left = '', right = ''] = template.split('{v}');
  const l = normalizePhrase(left);
  const r = normalizePhrase(right);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const glueLeft = left.length > 0 && !/\s$/.test(left);
  const glueRight = right.length > 0 && !/^\s/.test(right);
  const head = l ? `${esc(l)}${glueLeft ? '' : ' '}` : '';
  const tail = r ? `${glueRight ? '' : ' '}${esc(r)}` : '';
  return new RegExp(`(?<= )${head}v?(\\d+(?:\\.\\d+)?)${tail}(?= )`, 'g');
}

function scoreEntry(doc: LicenseDoc, c: CompiledEntry, familyVersions: string[]): CatalogCandidate {
  const matched: string[] = [];
  const versionSeen = dominantVersion(doc, c.versions);
  const versionState = stateOf(c.entry.version, versionSeen, familyVersions);
  let title: CatalogCandidate['title'] = bestHit(doc, c.titles, matched);
  if (!title && versionSeen && versionState !== 'match') {
    const swapped = c.titles.filter((t) => hasToken(t, c.entry.version)).map((t) => swapVersion(t, c.entry.version, versionSeen));
    if (bestHit(doc, swapped, matched)) title = 'family';
  }
  const parts: [number, number][] = [];
  if (c.titles.length > 0) parts.push([WEIGHTS.titles, title ? HIT_VALUE[title] : 0]);
  if (c.keyTerms.length > 0) parts.push([WEIGHTS.keyTerms, fraction(doc, c.keyTerms, matched)]);
  if (c.parties.length > 0) parts.push([WEIGHTS.parties, fraction(doc, c.parties, matched)]);
  if (c.figures.length > 0) {
    const hits = c.figures.filter((vals) => vals.length > 0 && vals.every((v) => doc.figures.has(v)));
    parts.push([WEIGHTS.figures, hits.length / c.figures.length]);
  }
  const weight = parts.reduce((s, [w]) => s + w, 0);
  let score = weight === 0 ? 0 : parts.reduce((s, [w, v]) => s + w * v, 0) / weight;
  for (const ex of c.excludes) if (findPhrase(doc, ex)) score *= EXCLUDE_FACTOR;
  if (versionState === 'other') score *= OTHER_VERSION_FACTOR;
  return { entry: c.entry, score, title, matched, versionSeen, versionState };
}

function bestHit(doc: LicenseDoc, phrases: string[], matched: string[]): PhraseHit | undefined {
  let best: PhraseHit | undefined;
  for (const p of phrases) {
    const hit = findPhrase(doc, p);
    if (hit) matched.push(p);
    if (hit === 'exact') return 'exact';
    best ??= hit;
  }
  return best;
}

function fraction(doc: LicenseDoc, phrases: string[], matched: string[]): number {
  let sum = 0;
  for (const p of phrases) {
    const hit = findPhrase(doc, p);
    if (!hit) continue;
    matched.push(p);
    sum += HIT_VALUE[hit];
  }
  return sum / phrases.length;
}

// The version a text states most often for this family ("llama 3.1" ×5 beats a passing "llama 3").
function dominantVersion(doc: LicenseDoc, patterns: RegExp[]): string | undefined {
  const counts = new Map<string, number>();
  for (const re of patterns) {
    for (const m of doc.padded.matchAll(re)) {
      const v = canonicalVersion(m[1] ?? '');
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

function stateOf(version: string, seen: string | undefined, familyVersions: string[]): VersionState {
  if (seen === undefined) return 'none';
  if (canonicalVersion(version) === seen) return 'match';
  return familyVersions.some((v) => canonicalVersion(v) === seen) ? 'other' : 'unseen';
}

/** "3.0" and "3" are one version; "v1.0" is "1". */
export function canonicalVersion(v: string): string {
  return v.replace(/^v/i, '').replace(/(\.0+)+$/, '');
}

/** The chosen candidate, and what made it uncertain. */
export interface ResolvedCandidate {
  candidate: CatalogCandidate;
  unseenVersion?: string;
  ambiguousWith?: string[];
}

/** The best candidate, moved to the nearest known version when the text names an unknown one. */
export function resolveCandidates(candidates: CatalogCandidate[]): ResolvedCandidate | undefined {
  const top = candidates[0];
  if (!top || top.score <= 0) return undefined;
  if (top.versionState === 'unseen' && top.versionSeen) {
    const seen = Number(top.versionSeen);
    const family = candidates.filter((c) => c.entry.family === top.entry.family && c.versionState === 'unseen' && top.score - c.score <= 0.1);
    const nearest = Number.isFinite(seen) ? family.sort((a, b) => distance(a, seen) - distance(b, seen) || b.score - a.score)[0] : top;
    return { candidate: nearest ?? top, unseenVersion: top.versionSeen };
  }
  const rivals = candidates.filter(
    (c) => c !== top && c.entry.family === top.entry.family && top.score - c.score < 0.03 && top.versionState === 'none',
  );
  return rivals.length > 0 ? { candidate: top, ambiguousWith: rivals.map((r) => r.entry.id) } : { candidate: top };
}

function distance(c: CatalogCandidate, seen: number): number {
  const v = Number(canonicalVersion(c.entry.version));
  // Prefer the later of two equally near versions: licenses tend to carry terms forward.
  return Number.isFinite(v) ? Math.abs(v - seen) - v * 1e-6 : Number.POSITIVE_INFINITY;
}

// The entry's version inside a phrase, also glued to a word ("chatglm3"), but not inside another number.
function versionIn(version: string): RegExp {
  const v = normalizePhrase(version).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d.])${v}(?![\\d]|\\.\\d)`);
}

function hasToken(phrase: string, version: string): boolean {
  return versionIn(version).test(phrase);
}

function swapVersion(phrase: string, from: string, to: string): string {
  return phrase.replace(versionIn(from), to);
}
