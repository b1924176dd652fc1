/** Helpers over the digit groups of a NumberSpan (see engine/numbers.ts). */
import type { NumberSpan } from '../types.js';
import { ALNUM, UNDERSCORE, classAt } from './chars.js';

/** Number of digit groups in the span. */
export function groupCount(span: NumberSpan): number {
  return span.groups.length >> 1;
}

/** Start of group `k`. */
export function gStart(span: NumberSpan, k: number): number {
  return span.groups[2 * k] ?? -1;
}

/** End of group `k` (exclusive). */
export function gEnd(span: NumberSpan, k: number): number {
  return span.groups[2 * k + 1] ?? -1;
}

/** Length of group `k`. */
export function gLen(span: NumberSpan, k: number): number {
  return gEnd(span, k) - gStart(span, k);
}

/** The separator text between group `k` and group `k + 1`. */
export function sepAfter(text: string, span: NumberSpan, k: number): string {
  return text.slice(gEnd(span, k), gStart(span, k + 1));
}

/** Digits of groups `k..m` (inclusive), separators dropped. */
export function digitsOf(text: string, span: NumberSpan, k: number, m: number): string {
  let s = '';
  for (let i = k; i <= m; i++) s += text.slice(gStart(span, i), gEnd(span, i));
  return s;
}

/** True when groups `k..m` are joined by one and the same single-character separator. */
export function uniformSeparator(text: string, span: NumberSpan, k: number, m: number, allowed: string): boolean {
  if (m === k) return true;
  const first = sepAfter(text, span, k);
  if (first.length !== 1 || !allowed.includes(first)) return false;
  for (let i = k + 1; i < m; i++) if (sepAfter(text, span, i) !== first) return false;
  return true;
}

/** True when `[start, end)` is not glued to letters, digits or `_` (an identifier or a longer code). */
export function freeStanding(text: string, start: number, end: number): boolean {
  const mask = ALNUM | UNDERSCORE;
  return (start === 0 || (classAt(text, start - 1) & mask) === 0) && (classAt(text, end) & mask) === 0;
}
