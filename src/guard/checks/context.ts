/** Keyword context around a candidate, for detectors that need more than the shape. */

/**
 * True when one of `words` (lower-case) occurs in the `window` characters before `at`.
 * Lower-casing a short slice is cheap; it runs only for candidates that passed the shape test.
 */
export function keywordBefore(text: string, at: number, words: readonly string[], window = 32): boolean {
  const before = text.slice(Math.max(0, at - window), at).toLowerCase();
  for (const w of words) if (before.includes(w)) return true;
  return false;
}
