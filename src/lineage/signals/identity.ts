/** Signal 1: architecture and tokenizer identity. */
import type { ModelArch, ModelFingerprint } from '../types.js';
import type { SignalResult } from './types.js';
import { round } from './stats.js';

const ARCH_FIELDS: readonly (keyof ModelArch)[] = ['family', 'hidden', 'layers', 'heads', 'kvHeads', 'ff', 'vocab'];

/** Architecture fields that differ (only fields both sides declare). */
export function archDifferences(a: ModelArch, b: ModelArch): string[] {
  return ARCH_FIELDS.filter((f) => a[f] !== undefined && b[f] !== undefined && a[f] !== b[f]).map((f) => `${f}: ${a[f]} vs ${b[f]}`);
}

function vocabOverlap(a?: string[], b?: string[]): number | null {
  if (!a || !b) return null;
  const sa = new Set(a);
  let both = 0;
  for (const t of new Set(b)) if (sa.has(t)) both++;
  const union = sa.size + new Set(b).size - both;
  return union ? both / union : null;
}

/** Compare architecture fields, vocabulary, special tokens and merges. */
export function identitySignal(a: ModelFingerprint, b: ModelFingerprint): SignalResult {
  const differences = archDifferences(a.arch, b.arch);
  const overlap = vocabOverlap(a.tokenizer.tokens, b.tokenizer.tokens);
  const keys = Object.keys(a.tokenizer.specials).filter((k) => k in b.tokenizer.specials);
  const specialsMatch = keys.length ? keys.every((k) => a.tokenizer.specials[k] === b.tokenizer.specials[k]) : null;
  const ma = a.tokenizer.merges;
  const mb = b.tokenizer.merges;
  const mergesMatch = ma && mb ? ma.digest === mb.digest : null;
  const checks = [differences.length === 0, ...(overlap === null ? [] : [overlap >= 0.99]), ...(specialsMatch === null ? [] : [specialsMatch]), ...(mergesMatch === null ? [] : [mergesMatch])];
  return {
    id: 'identity',
    value: round(checks.filter(Boolean).length / checks.length),
    details: { sameArchitecture: differences.length === 0, differences, vocabularyOverlap: overlap === null ? null : round(overlap), specialTokensMatch: specialsMatch, mergesMatch },
  };
}
