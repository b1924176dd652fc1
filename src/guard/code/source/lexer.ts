/**
 * A small lexer that finds comments and string literals per language, so
 * rules can match code without tripping over commented-out lines or prose in
 * strings. It is deliberately approximate (no regex literals, no heredocs):
 * it only has to keep offsets and not swallow code.
 */
import type { Language } from '../languages.js';

/** How one language writes comments and strings. */
interface LexSpec {
  line: readonly string[];
  block: readonly (readonly [string, string])[];
  /** Quote openers, longest first; each closes with itself. */
  quotes: readonly string[];
  /** Backslash escapes the next character inside quotes. */
  backslash: boolean;
  /** A doubled quote continues the string (SQL). */
  doubled?: boolean;
  /** `#` starts a comment only at the start of a word (shell: `$#`, `${#x}`). */
  hashAtWordStart?: boolean;
}

const C_LIKE: LexSpec = { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'"], backslash: true };

const SPECS: Record<Language, LexSpec> = {
  python: { line: ['#'], block: [], quotes: ['"""', "'''", '"', "'"], backslash: true },
  javascript: { ...C_LIKE, quotes: ['"', "'", '`'] },
  typescript: { ...C_LIKE, quotes: ['"', "'", '`'] },
  java: { ...C_LIKE, quotes: ['"""', '"', "'"] },
  c: C_LIKE,
  go: { ...C_LIKE, quotes: ['"', "'", '`'] },
  php: { line: ['//', '#'], block: [['/*', '*/']], quotes: ['"', "'", '`'], backslash: true },
  sql: { line: ['--'], block: [['/*', '*/']], quotes: ["'", '"'], backslash: false, doubled: true },
  shell: { line: ['#'], block: [], quotes: ['"', "'"], backslash: true, hashAtWordStart: true },
};

/** A string literal's span (quotes included) and its raw contents. */
export interface StringSpan {
  start: number;
  end: number;
  value: string;
}

/** Comment and string spans of `text`, in order. */
export interface Lexed {
  comments: Array<readonly [number, number]>;
  strings: StringSpan[];
}

const openerCache = new Map<Language, RegExp>();

function openers(lang: Language): RegExp {
  let re = openerCache.get(lang);
  if (!re) {
    const s = SPECS[lang];
    const all = [...s.block.map((b) => b[0]), ...s.line, ...s.quotes].sort((a, b) => b.length - a.length);
    re = new RegExp(all.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g');
    openerCache.set(lang, re);
  }
  return re;
}

/** Find comments and strings in one linear pass. */
export function lex(text: string, lang: Language): Lexed {
  const spec = SPECS[lang];
  const re = openers(lang);
  const comments: Array<readonly [number, number]> = [];
  const strings: StringSpan[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const tok = m[0];
    const at = m.index;
    const block = spec.block.find((b) => b[0] === tok);
    let end: number;
    if (block) {
      const close = text.indexOf(block[1], at + tok.length);
      end = close === -1 ? text.length : close + block[1].length;
      comments.push([at, end]);
    } else if (spec.line.includes(tok)) {
      if (!isLineComment(text, at, tok, spec, lang)) {
        re.lastIndex = at + 1;
        continue;
      }
      const nl = text.indexOf('\n', at);
      end = nl === -1 ? text.length : nl;
      comments.push([at, end]);
    } else {
      end = closeQuote(text, at + tok.length, tok, spec);
      strings.push({ start: at, end, value: text.slice(at + tok.length, Math.max(at + tok.length, end - tok.length)) });
    }
    re.lastIndex = end;
  }
  return { comments, strings };
}

function isLineComment(text: string, at: number, tok: string, spec: LexSpec, lang: Language): boolean {
  if (tok !== '#') return true;
  if (lang === 'php' && text[at + 1] === '[') return false; // PHP 8 attribute
  if (!spec.hashAtWordStart || at === 0) return true;
  return /[\s;(]/.test(text[at - 1] ?? ' ');
}

function closeQuote(text: string, from: number, q: string, spec: LexSpec): number {
  // Shell single quotes take no escapes; everywhere else a backslash escapes when the language has them.
  const escapes = spec.backslash && !(spec.hashAtWordStart === true && q === "'");
  // Single-line quotes end at a newline when unterminated, so one stray quote cannot swallow the file.
  const multiline = q.length === 3 || q === '`' || spec.hashAtWordStart === true || spec.doubled === true;
  let i = from;
  for (;;) {
    const next = text.indexOf(q, i);
    const nl = multiline ? -1 : text.indexOf('\n', i);
    if (next === -1 || (nl !== -1 && nl < next)) return nl === -1 ? text.length : nl;
    if (escapes && isEscaped(text, next, from)) {
      i = next + 1;
      continue;
    }
    if (spec.doubled === true && text.startsWith(q, next + 1)) {
      i = next + 2;
      continue;
    }
    return next + q.length;
  }
}

function isEscaped(text: string, at: number, floor: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= floor && text.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}
