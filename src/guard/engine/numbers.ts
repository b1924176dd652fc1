/**
 * The shared numeric pass: every run of digits with light separators becomes one NumberSpan,
 * handed to all numeric detectors (cards, IDs, phones, IPv4) so digits are scanned once.
 */
import type { NumberSpan } from '../types.js';

// A greedy class run with nothing after it cannot backtrack; `{6,}` drops short numbers (years,
// counts) inside the regex engine instead of in a JS round trip per match.
const SPAN = /[+(]?\d[\d\-. ()]{6,}/g;
// Shortest span any numeric detector accepts (`1.1.1.1`).
const MIN_SPAN = 7;

/** Call `visit` for each number-like span of at least seven characters. */
export function forEachNumberSpan(text: string, visit: (span: NumberSpan) => void): void {
  SPAN.lastIndex = 0;
  for (let m = SPAN.exec(text); m !== null; m = SPAN.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (end - start < MIN_SPAN) continue;
    // Trailing separators belong to the prose, not the number.
    while (end > start && !isDigit(text.charCodeAt(end - 1))) end--;
    if (end - start < MIN_SPAN) continue;
    const groups = digitGroups(text, start, end);
    let digits = 0;
    for (let i = 0; i < groups.length; i += 2) digits += (groups[i + 1] ?? 0) - (groups[i] ?? 0);
    visit({ start, end, groups, digits });
  }
}

function digitGroups(text: string, start: number, end: number): number[] {
  const groups: number[] = [];
  let i = start;
  while (i < end) {
    while (i < end && !isDigit(text.charCodeAt(i))) i++;
    const s = i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i > s) groups.push(s, i);
  }
  return groups;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
