/**
 * Identifies one license text (a LICENSE, NOTICE or GGUF license string): by
 * its SPDX text when it is a standard license, by catalog facts when it is a
 * model license, and otherwise reports the nearest known license and how near.
 */
import { catalogEntry } from '../catalog/load.js';
import type { CatalogEntry } from '../types.js';
import { resolveCandidates, scoreCatalog, type CatalogCandidate, type ResolvedCandidate } from './catalog-match.js';
import { makeDoc } from './doc.js';
import { addedWords, matchSpdxBody, spdxLicenses, type SpdxMatch } from './spdx-index.js';

/** What one text says. */
export interface TextMatch {
  /** Reported id: the SPDX id for SPDX licenses, else the catalog id. */
  id: string | undefined;
  entry: CatalogEntry | undefined;
  kind: 'catalog' | 'spdx' | 'unknown';
  name: string;
  confidence: number;
  closest?: { id: string; similarity: number };
  /** A version the text states that no catalog entry of its family has. */
  unseenVersion?: string;
  /** Other entries of the same family the text fits as well. */
  ambiguousWith?: string[];
  /** Other licenses the same text names by title (a NOTICE listing several upstream licenses). */
  alsoNamed?: string[];
  /** An SPDX text with clauses added: about how many words are not in the standard text. */
  modified?: { addedWords: number };
}

/** Dice similarity from which a text is taken to be an SPDX license. */
export const SPDX_MATCH = 0.8;
/** Catalog score from which a text is taken to be a catalog license (with a title hit; +0.05 without). */
export const CATALOG_MATCH = 0.4;
// Above this a model-license catalog entry wins even over a close SPDX text (Modified MIT is MIT plus a clause).
const CATALOG_OVER_SPDX = 0.5;
const VERBATIM = 0.97;
const MODIFIED_MIN = 15;
const ALSO_NAMED = 0.3;

/** Identify a single license text. */
export function identifyText(text: string): TextMatch {
  const doc = makeDoc(text);
  const spdx = matchSpdxBody(doc.norm.body, 3);
  const candidates = scoreCatalog(doc);
  const top = resolveCandidates(candidates);
  const best = spdx[0];
  // The best model license, even when an SPDX entry's title scored higher (a LICENSE with both texts).
  const modelLicense = top && !top.candidate.entry.spdx ? top : resolveCandidates(candidates.filter((c) => !c.entry.spdx));
  let match: TextMatch;
  if (modelLicense && modelLicense.candidate.score >= CATALOG_OVER_SPDX && (!best || best.similarity < VERBATIM || modelLicense.candidate.title)) {
    match = fromCatalog(modelLicense);
  } else if (best && best.similarity >= SPDX_MATCH) match = fromSpdx(best, spdx[1], doc.norm.body);
  else if (top && top.candidate.score >= CATALOG_MATCH + (top.candidate.title ? 0 : 0.05)) match = fromCatalog(top);
  else return unknown(best, top?.candidate);
  const alsoNamed = otherTitles(candidates, match.entry);
  return alsoNamed.length > 0 ? { ...match, alsoNamed } : match;
}

// Licenses of other families that the text names by exact title, as a combined NOTICE does.
function otherTitles(candidates: CatalogCandidate[], chosen: CatalogEntry | undefined): string[] {
  const seen = new Set<string>([chosen?.family ?? '']);
  const out: string[] = [];
  for (const c of candidates) {
    if (c.title !== 'exact' || c.score < ALSO_NAMED || seen.has(c.entry.family)) continue;
    seen.add(c.entry.family);
    out.push(c.entry.spdx ?? c.entry.id);
  }
  return out;
}

function fromCatalog(r: ResolvedCandidate): TextMatch {
  const { entry, score, title } = r.candidate;
  let confidence = Math.min(VERBATIM, 0.35 + 0.65 * score);
  // A SPDX license named in a short statement, not quoted in full: less sure than its text.
  if (entry.spdx) confidence = Math.min(confidence, 0.75);
  if (r.unseenVersion) confidence = Math.min(confidence, 0.6);
  if (r.ambiguousWith) confidence = Math.min(confidence, 0.65);
  if (!title) confidence = Math.min(confidence, 0.8);
  return {
    id: entry.spdx ?? entry.id,
    entry,
    kind: entry.spdx ? 'spdx' : 'catalog',
    name: entry.name,
    confidence: round(confidence),
    ...(r.unseenVersion ? { unseenVersion: r.unseenVersion } : {}),
    ...(r.ambiguousWith ? { ambiguousWith: r.ambiguousWith } : {}),
  };
}

function fromSpdx(best: SpdxMatch, second: SpdxMatch | undefined, body: string): TextMatch {
  const entry = catalogEntry(best.id);
  let confidence = Math.min(VERBATIM, best.similarity);
  if (second && best.similarity - second.similarity < 0.02) confidence *= 0.9;
  // Sentences the standard text lacks, beyond the stray words rewrapping and renumbering leave behind.
  const added = best.extraShingles >= MODIFIED_MIN ? addedWords(body, best.id) : 0;
  const modified = added >= MODIFIED_MIN;
  if (modified) confidence = Math.min(confidence, 0.75);
  return {
    id: best.id,
    entry,
    kind: 'spdx',
    name: spdxLicenses()[best.id]?.name ?? best.id,
    confidence: round(confidence),
    ...(modified ? { modified: { addedWords: added } } : {}),
  };
}

function unknown(best: SpdxMatch | undefined, top: CatalogCandidate | undefined): TextMatch {
  const viaSpdx = best ? { id: best.id, similarity: round(best.similarity) } : undefined;
  const viaCatalog = top ? { id: top.entry.spdx ?? top.entry.id, similarity: round(top.score) } : undefined;
  const closest = !viaCatalog || (viaSpdx && viaSpdx.similarity >= viaCatalog.similarity) ? viaSpdx : viaCatalog;
  return { id: undefined, entry: undefined, kind: 'unknown', name: 'unidentified', confidence: 0, ...(closest ? { closest } : {}) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
