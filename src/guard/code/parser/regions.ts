/**
 * Which parts of a file are worth parsing. Parsing whole files with the WASM
 * grammars runs at 4-9 MB/s, below the scanner's budget, while sinks are
 * rare; so a cheap regex finds sink names and only the outermost function
 * around each one is parsed (tree-sitter `includedRanges` keeps document
 * offsets). Code outside any function (scripts, PHP pages) parses whole.
 */
import type { Language } from '../languages.js';
import type { Source } from '../source/source.js';

/**
 * Ranges to parse, `all` for the whole text, or `none` when no sink name occurs. `hits` are the gate's offsets
 * (ascending), kept so the program looks at the calls around them only.
 */
export type ParsePlan =
  | { kind: 'none' }
  | { kind: 'all'; hits: readonly number[] }
  | { kind: 'ranges'; ranges: Array<[number, number]>; hits: readonly number[] };

type Finder = (src: Source, hit: number) => [number, number] | undefined;

const FINDERS: Record<Language, Finder | undefined> = {
  python: pythonRegion,
  javascript: braceRegion,
  typescript: braceRegion,
  java: braceRegion,
  c: braceRegion,
  go: braceRegion,
  php: braceRegion,
  sql: undefined,
  shell: undefined,
};

/** Decide what to parse in `src`, given the gate's hits (ascending offsets of sink names). */
export function planParse(src: Source, lang: Language, hits: readonly number[]): ParsePlan {
  if (hits.length === 0) return { kind: 'none' };
  const finder = FINDERS[lang];
  if (!finder) return { kind: 'all', hits };
  const ranges: Array<[number, number]> = [];
  let covered = 0;
  for (const hit of hits) {
    if (hit < covered) continue;
    const r = finder(src, hit);
    if (!r) return { kind: 'all', hits };
    ranges.push(r);
    covered = Math.max(covered, r[1]);
  }
  const merged = mergeRanges(ranges);
  const size = merged.reduce((n, [s, e]) => n + e - s, 0);
  // Parsing fragments has a fixed cost per range; past half the file one whole parse is cheaper.
  return size > src.text.length / 2 ? { kind: 'all', hits } : { kind: 'ranges', ranges: merged, hits };
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

const INDENT = /^[ \t]*/;

/** Outermost `def` around `hit`, by indentation of logical lines; undefined at module level. */
function pythonRegion(src: Source, hit: number): [number, number] | undefined {
  const lines = src.lineStarts;
  const cont = continuations(src);
  const line = (i: number) => src.code.slice(lines[i] ?? 0, (lines[i + 1] ?? src.code.length + 1) - 1);
  const indent = (s: string) => (INDENT.exec(s)?.[0].length ?? 0);
  // Continuation lines (a signature's closing `) -> None:`, a string's closing quotes) say nothing about blocks.
  const skip = (i: number, s: string) => cont[i] === 1 || s.trim() === '';
  let at = lineOf(lines, hit);
  while (at > 0 && cont[at] === 1) at--;
  let min = indent(line(at));
  let def: number | undefined;
  for (let i = at; i >= 0 && min > 0; i--) {
    const s = line(i);
    if (i !== at && skip(i, s)) continue;
    const ind = indent(s);
    if (ind < min || i === at) {
      min = Math.min(min, ind);
      if (/^\s*(?:async\s+)?def\s/.test(s)) def = i;
    }
  }
  if (def === undefined) return undefined;
  const defIndent = indent(line(def));
  let end = src.text.length;
  for (let j = def + 1; j < lines.length; j++) {
    const s = line(j);
    if (!skip(j, s) && indent(s) <= defIndent) {
      end = (lines[j] ?? src.text.length) - 1;
      break;
    }
  }
  const start = (lines[def] ?? 0) + defIndent;
  return start <= hit && hit < end ? [start, end] : undefined;
}

function lineOf(lines: readonly number[], off: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] ?? 0) <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const contCache = new WeakMap<Source, Uint8Array>();

/** 1 for each line that continues the logical line above: inside brackets or a string, or after a backslash. */
function continuations(src: Source): Uint8Array {
  let flags = contCache.get(src);
  if (flags) return flags;
  flags = new Uint8Array(src.lineStarts.length);
  // String contents and comments are blank in `code`, so every bracket counted here is code.
  const code = src.code;
  let depth = 0;
  let line = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
    else if (c === 10) {
      const back = code.charCodeAt(i - 1) === 92 || (code.charCodeAt(i - 1) === 13 && code.charCodeAt(i - 2) === 92);
      flags[++line] = depth > 0 || back ? 1 : 0;
    }
  }
  for (const s of src.strings) {
    for (let l = lineOf(src.lineStarts, s.start) + 1; l < flags.length && (src.lineStarts[l] ?? Infinity) < s.end; l++) flags[l] = 1;
  }
  contCache.set(src, flags);
  return flags;
}

interface Pair {
  open: number;
  close: number;
  parent: number;
}

const pairCache = new WeakMap<Source, Pair[]>();

function bracePairs(src: Source): Pair[] {
  let pairs = pairCache.get(src);
  if (pairs) return pairs;
  pairs = [];
  const stack: number[] = [];
  const code = src.code;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 123) {
      pairs.push({ open: i, close: code.length, parent: stack[stack.length - 1] ?? -1 });
      stack.push(pairs.length - 1);
    } else if (c === 125) {
      const top = stack.pop();
      if (top !== undefined) (pairs[top] as Pair).close = i;
    }
  }
  pairCache.set(src, pairs);
  return pairs;
}

const CONTAINER = /^(?:(?:public|private|protected|internal|static|final|abstract|sealed|export|default|declare|partial)\s+)*(?:class|interface|enum|namespace|struct|union|trait|impl|module|object|record)\b/;
const CONTROL = /^(?:\}\s*)?(?:else\s+)?(?:if|for|foreach|while|switch|catch|synchronized|elseif|with|using|lock|do|try|finally|else)\b/;

/** Outermost function-like brace block around `hit`; undefined at top level. */
function braceRegion(src: Source, hit: number): [number, number] | undefined {
  const pairs = bracePairs(src);
  let lo = 0;
  let hi = pairs.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((pairs[mid] as Pair).open < hit) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (idx >= 0 && (pairs[idx] as Pair).close < hit) idx = (pairs[idx] as Pair).parent;
  let best: [number, number] | undefined;
  for (let i = idx; i >= 0; i = (pairs[i] as Pair).parent) {
    const p = pairs[i] as Pair;
    const start = headerStart(src.code, p.open);
    const header = src.code.slice(start, p.open).trim();
    if (header.includes('(') && !CONTAINER.test(header) && !CONTROL.test(header)) {
      const nl = src.text.indexOf('\n', p.close);
      best = [start, nl === -1 ? src.text.length : nl];
    }
  }
  return best;
}

function headerStart(code: string, open: number): number {
  const floor = Math.max(0, open - 400);
  let i = open - 1;
  while (i >= floor) {
    const c = code[i];
    if (c === ';' || c === '{' || c === '}') break;
    i--;
  }
  i++;
  while (i < open && /\s/.test(code[i] ?? '')) i++;
  return i;
}
