/**
 * A small Jinja lexer: enough to tell template code from literal output and to
 * tokenize expressions the way Jinja does (string escapes decoded, braces
 * balanced before a block may close). It errs towards treating bytes as code,
 * because anything it mistakes for literal text would escape the checks.
 */

/** A stretch of the template: code inside `{{ }}` / `{% %}`, or literal text and comments. */
export interface JinjaSegment {
  kind: 'code' | 'text';
  start: number;
  end: number;
}

/** One token of template code. Strings carry their decoded value. */
export interface JinjaToken {
  kind: 'name' | 'string' | 'number' | 'op';
  /** Decoded string value, NFKC-normalised name, or the operator text. */
  value: string;
  raw: string;
  /** Index in the whole template. */
  index: number;
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Split a template into code and text segments. */
export function jinjaSegments(src: string): JinjaSegment[] {
  const out: JinjaSegment[] = [];
  let i = 0;
  while (i < src.length) {
    const open = nextOpen(src, i);
    if (open < 0) {
      out.push({ kind: 'text', start: i, end: src.length });
      break;
    }
    if (open > i) out.push({ kind: 'text', start: i, end: open });
    const kind = src[open + 1];
    if (kind === '#') {
      const close = src.indexOf('#}', open + 2);
      const end = close < 0 ? src.length : close + 2;
      out.push({ kind: 'text', start: open, end });
      i = end;
      continue;
    }
    const end = blockEnd(src, open + 2, kind === '{' ? '}}' : '%}');
    out.push({ kind: 'code', start: open, end });
    i = end;
    if (kind === '%' && /^\{%[-+]?\s*raw\s*[-+]?%\}$/.test(src.slice(open, end))) i = skipRaw(src, end, out);
  }
  return out;
}

function nextOpen(src: string, from: number): number {
  for (let i = src.indexOf('{', from); i >= 0; i = src.indexOf('{', i + 1)) {
    const c = src[i + 1];
    if (c === '{' || c === '%' || c === '#') return i;
  }
  return -1;
}

/** Index just past the closing delimiter, honouring strings and open brackets as Jinja does. */
function blockEnd(src: string, from: number, closer: string): number {
  const stack: string[] = [];
  let i = from;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === '"' || c === "'") {
      i = stringEnd(src, i);
      continue;
    }
    if (stack.length === 0 && src.startsWith(closer, i)) return i + closer.length;
    if (c in CLOSERS) stack.push(CLOSERS[c] ?? '');
    else if (c === stack[stack.length - 1]) stack.pop();
    i++;
  }
  return src.length;
}

function stringEnd(src: string, open: number): number {
  const q = src[open];
  for (let i = open + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === q) return i + 1;
  }
  return src.length;
}

function skipRaw(src: string, from: number, out: JinjaSegment[]): number {
  const re = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;
  re.lastIndex = from;
  const m = re.exec(src);
  const end = m ? m.index : src.length;
  if (end > from) out.push({ kind: 'text', start: from, end });
  return end;
}

/** Tokenize one code segment (delimiters included; they come out as operators). */
export function tokenizeJinja(src: string, start: number, end: number): JinjaToken[] {
  const out: JinjaToken[] = [];
  const name = /[\p{L}\p{Nl}_][\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]*/uy;
  const num = /\d[\d_]*(\.\d+)?([eE][-+]?\d+)?/y;
  let i = start;
  while (i < end) {
    const c = src[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = Math.min(stringEnd(src, i), end);
      const raw = src.slice(i, close);
      out.push({ kind: 'string', value: decodeEscapes(raw.slice(1, raw.endsWith(c) && raw.length > 1 ? -1 : undefined)), raw, index: i });
      i = close;
      continue;
    }
    name.lastIndex = i;
    const n = name.exec(src);
    if (n && n.index === i) {
      out.push({ kind: 'name', value: n[0].normalize('NFKC'), raw: n[0], index: i });
      i += n[0].length;
      continue;
    }
    num.lastIndex = i;
    const d = num.exec(src);
    if (d && d.index === i) {
      out.push({ kind: 'number', value: d[0], raw: d[0], index: i });
      i += d[0].length;
      continue;
    }
    out.push({ kind: 'op', value: c, raw: c, index: i });
    i++;
  }
  return out;
}

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
// A few `\N{...}` names an attacker would reach for; any other name is kept verbatim.
const NAMED: Record<string, string> = { 'LOW LINE': '_', 'FULL STOP': '.', 'LEFT SQUARE BRACKET': '[', 'RIGHT SQUARE BRACKET': ']' };

/** Decode Python `unicode-escape` sequences, as Jinja does for string literals. */
export function decodeEscapes(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|.)/gs, (m, e: string) => {
    const h = e[0];
    if (h === 'x' || h === 'u' || h === 'U') return safeCodePoint(parseInt(e.slice(1), 16), m);
    if (h !== undefined && h >= '0' && h <= '7') return safeCodePoint(parseInt(e, 8), m);
    if (h === 'N') return NAMED[e.slice(2, -1).toUpperCase()] ?? m;
    return SIMPLE[e] ?? m;
  });
}

function safeCodePoint(cp: number, fallback: string): string {
  return cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

/** 1-based line and column of an index. */
export function lineColumn(src: string, index: number): { line: number; column: number } {
  let line = 1;
  let lastNl = -1;
  for (let i = src.indexOf('\n'); i >= 0 && i < index; i = src.indexOf('\n', i + 1)) {
    line++;
    lastNl = i;
  }
  return { line, column: index - lastNl };
}
