/**
 * The text views every rule shares: the original, a copy with comments
 * blanked, a copy with comments and string contents blanked, the string
 * literals, and a line index. Blanking keeps length and newlines, so an
 * offset means the same thing in every view.
 */
import type { Language } from '../languages.js';
import { lex, type StringSpan } from './lexer.js';

/** Views of one piece of code. */
export interface Source {
  text: string;
  /** Comments replaced by spaces. */
  masked: string;
  /** Comments and the insides of string literals replaced by spaces (quotes kept). */
  code: string;
  strings: StringSpan[];
  /** Offset where each line starts. */
  lineStarts: number[];
}

/** Build the views of `text` for `lang`. */
export function makeSource(text: string, lang: Language): Source {
  const { comments, strings } = lex(text, lang);
  const starts = lineStarts(text);
  const masked = blank(text, comments, starts);
  const inner = strings.map((s) => [s.start + 1, Math.max(s.start + 1, s.end - 1)] as const);
  return { text, masked, code: blank(masked, inner, starts), strings, lineStarts: starts };
}

// Spans are ascending; newlines inside them stay, so a pointer into the line starts walks along.
function blank(text: string, spans: ReadonlyArray<readonly [number, number]>, starts: readonly number[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  let k = 0;
  for (const [s, e] of spans) {
    if (s < at) continue;
    parts.push(text.slice(at, s));
    while (k < starts.length && (starts[k] as number) <= s) k++;
    let from = s;
    // A line start in (s, e] means a newline just before it, inside the span.
    for (; k < starts.length && (starts[k] as number) <= e; k++) {
      parts.push(spaces((starts[k] as number) - 1 - from), '\n');
      from = starts[k] as number;
    }
    parts.push(spaces(e - from));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const SPACES = ' '.repeat(1024);

function spaces(n: number): string {
  return n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** 1-based line and column of `offset`. */
export function lineCol(src: Source, offset: number): { line: number; column: number } {
  const starts = src.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** The trimmed line that holds `offset`. */
export function lineText(src: Source, offset: number): string {
  const { line } = lineCol(src, offset);
  const start = src.lineStarts[line - 1] ?? 0;
  const end = src.lineStarts[line] ?? src.text.length + 1;
  return src.text.slice(start, end - 1).trim();
}

/** The string literal that contains `offset`, if any. */
export function stringAt(src: Source, offset: number): StringSpan | undefined {
  let lo = 0;
  let hi = src.strings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = src.strings[mid];
    if (!s) break;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
