/**
 * A license text prepared once for fact matching: normalised tokens, where
 * each token occurs, and the figures it states. Facts match exactly, or
 * "near" when their words all occur close together in another order, which
 * is what survives a rewording.
 */
import { extractFigures } from './figures.js';
import { isUrlToken, normalizeLicense, tokensOf, type NormalizedLicense } from './normalize.js';

/** A normalised text with a token index. */
export interface LicenseDoc {
  norm: NormalizedLicense;
  /** `full` with a space on each side, for whole-word substring tests. */
  padded: string;
  tokens: string[];
  positions: Map<string, number[]>;
  figures: Set<number>;
}

/** How a phrase was found: verbatim after normalisation, or its words close together. */
export type PhraseHit = 'exact' | 'near';

const STOPWORDS = new Set([
  'the', 'of', 'a', 'an', 'and', 'or', 'to', 'in', 'for', 'any', 'by', 'with', 'on', 'at', 'is', 'be', 'this',
  'that', 'as', 'its', 'such', 'your', 'you', 'are', 'from', 'it', 'shall', 'will', 'may', 'must', 'all',
]);

/** Prepare a raw license text for matching. */
export function makeDoc(raw: string): LicenseDoc {
  const norm = normalizeLicense(raw);
  const tokens = tokensOf(norm.full);
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = positions.get(t);
    if (list) list.push(i);
    else positions.set(t, [i]);
  });
  return { norm, padded: ` ${norm.full} `, tokens, positions, figures: extractFigures(tokens) };
}

/** Find a normalised phrase in a document. */
export function findPhrase(doc: LicenseDoc, phrase: string): PhraseHit | undefined {
  if (phrase.length === 0) return undefined;
  const words = tokensOf(phrase);
  // URLs and paths are matched inside tokens: "llama3_2/use-policy" in "llama.com/llama3_2/use-policy".
  if (words.some(isUrlToken)) return doc.norm.full.includes(phrase) ? 'exact' : undefined;
  if (doc.padded.includes(` ${phrase} `)) return 'exact';
  const content = words.filter((w) => !STOPWORDS.has(w));
  if (content.length < 2) return undefined;
  return nearby(doc, content, Math.max(5, words.length + 3)) ? 'near' : undefined;
}

// All `words` within `window` tokens of one occurrence of the rarest of them.
function nearby(doc: LicenseDoc, words: string[], window: number): boolean {
  const lists = words.map((w) => doc.positions.get(w));
  if (lists.some((l) => l === undefined)) return false;
  const sorted = (lists as number[][]).slice().sort((a, b) => a.length - b.length);
  const [anchor = [], ...rest] = sorted;
  return anchor.some((p) => rest.every((list) => hasWithin(list, p - window, p + window)));
}

// Positions are ascending: binary-search the first one at or after `lo`.
function hasWithin(sorted: number[], lo: number, hi: number): boolean {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((sorted[mid] ?? 0) < lo) a = mid + 1;
    else b = mid;
  }
  return a < sorted.length && (sorted[a] ?? Infinity) <= hi;
}
