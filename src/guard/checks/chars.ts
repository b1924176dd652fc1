/**
 * ASCII character classes as bit masks, so detectors walk tokens with a table lookup
 * instead of regexes (no backtracking, and cheaper than a sticky regex per candidate).
 */

export const DIGIT = 1;
export const UPPER = 2;
export const LOWER = 4;
export const UNDERSCORE = 8;
export const DASH = 16;
/** `+` and `/` of standard base64. */
export const B64SYM = 32;
export const EQUALS = 64;
export const DOT = 128;

export const ALPHA = UPPER | LOWER;
export const ALNUM = DIGIT | UPPER | LOWER;
export const WORD = ALNUM | UNDERSCORE;
export const B64URL = ALNUM | UNDERSCORE | DASH;
export const B64 = ALNUM | B64SYM;

const TABLE = new Uint8Array(128);
for (let c = 48; c <= 57; c++) TABLE[c] = DIGIT;
for (let c = 65; c <= 90; c++) TABLE[c] = UPPER;
for (let c = 97; c <= 122; c++) TABLE[c] = LOWER;
TABLE[95] = UNDERSCORE;
TABLE[45] = DASH;
TABLE[43] = B64SYM;
TABLE[47] = B64SYM;
TABLE[61] = EQUALS;
TABLE[46] = DOT;

/** Class bits of the code unit at `i` (0 outside the text or beyond ASCII). */
export function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? (TABLE[c] ?? 0) : 0;
}

/** True when the code unit at `i` belongs to `mask`. */
export function isClass(text: string, i: number, mask: number): boolean {
  return (classAt(text, i) & mask) !== 0;
}

/** Number of consecutive code units from `from` in `mask`, counting at most `max`. */
export function runOf(text: string, from: number, mask: number, max = 4096): number {
  let i = from;
  const stop = Math.min(text.length, from + max);
  while (i < stop && (classAt(text, i) & mask) !== 0) i++;
  return i - from;
}

/** Start of the run of `mask` characters that ends at `end`, looking back at most `max`. */
export function runStart(text: string, end: number, mask: number, max = 256): number {
  let i = end;
  const stop = Math.max(0, end - max);
  while (i > stop && (classAt(text, i - 1) & mask) !== 0) i--;
  return i;
}

/** True unless the character before `at` belongs to `mask` (a token must not start mid-word). */
export function boundaryBefore(text: string, at: number, mask: number = ALNUM): boolean {
  return at === 0 || (classAt(text, at - 1) & mask) === 0;
}

/**
 * A vendor token: `prefixLen` characters of anchor, then `min..max` characters of `body`, not
 * preceded or followed by a body character. Returns the hit or undefined.
 */
export function tokenAt(text: string, at: number, prefixLen: number, body: number, min: number, max: number): { start: number; end: number } | undefined {
  if (!boundaryBefore(text, at, body | ALNUM)) return undefined;
  const n = runOf(text, at + prefixLen, body, max + 1);
  if (n < min || n > max) return undefined;
  return { start: at, end: at + prefixLen + n };
}

/** True for ASCII whitespace. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** True for an ASCII digit code. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
