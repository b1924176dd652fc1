/**
 * The parse gate: where in a piece of code a parse-based rule could fire.
 * A regex finds the sink names the rules declare; each occurrence is then
 * checked lexically against the shapes of the sinks with that name (is it
 * called? does its dotted callee pass the sink's callee test?), so
 * `re.compile(…)`, `def open(…)`, `stream.end()` or a name in a docstring
 * cost no parse. The check only drops what no rule can match: when the shape
 * cannot be read (`a().b.exec(…)`, `x?.run(…)`), the name is kept.
 */
import type { Language } from '../languages.js';
import { stringAt, type Source } from '../source/source.js';
import type { CodeRule, SinkShape } from '../types.js';

/** Offsets of the sink names worth parsing around, for one language and rule set. */
export interface Gate {
  hits(src: Source): number[];
}

// What may follow a called name (after blanks): an argument list or a template, generic or optional-call opener.
// Languages without an entry (PHP `echo`/`new X`, shell commands) keep every name.
const CALL_NEXT: Partial<Record<Language, RegExp>> = {
  python: /[\s\\]*\(/y,
  javascript: /\s*[(`<?!]/y,
  typescript: /\s*[(`<?!]/y,
  java: /\s*[(<]/y,
  go: /\s*[([]/y,
  c: /\s*[(<]/y,
};

// Where a name inside a string literal is prose, not code: Python docstrings and other triple-quoted strings, which
// the lexer finds exactly, unless an f/t prefix makes them hold code (`f"""{os.system(c)}"""`). Single-quoted strings
// count as code everywhere: Python 3.12 nests quotes inside f-strings, JS regex literals fool the lexer, PHP and shell
// interpolate calls.
const PLAIN_STRINGS: Partial<Record<Language, (src: Source, quote: number) => boolean>> = {
  python: (src, quote) =>
    /^(?:"""|''')/.test(src.text.slice(quote, quote + 3)) && !/[fFtT]/.test(src.text.slice(Math.max(0, quote - 2), quote)),
};

// Keywords that make a name followed by `(` a definition, not a call (`def open(…)`, `function exec(…)`).
const DEFINES: Partial<Record<Language, RegExp>> = {
  python: /(?<![\w$])(?:def|class)\s+$/,
  javascript: /(?<![\w$])function\b[\s*]*$/,
  typescript: /(?<![\w$])function\b[\s*]*$/,
  go: /(?<![\w$])func\s+$/,
};

const cache = new WeakMap<readonly CodeRule[], Map<Language, Gate | undefined>>();

/** The gate for `rules` in `lang`, or undefined when no rule there needs a parse. */
export function gateFor(rules: readonly CodeRule[], lang: Language): Gate | undefined {
  let perLang = cache.get(rules);
  if (!perLang) cache.set(rules, (perLang = new Map()));
  if (!perLang.has(lang)) perLang.set(lang, buildGate(rules, lang));
  return perLang.get(lang);
}

function buildGate(rules: readonly CodeRule[], lang: Language): Gate | undefined {
  // Shapes per name; `undefined` when some rule gates on the name without declaring a shape (any use counts).
  const shapes = new Map<string, SinkShape[] | undefined>();
  for (const rule of rules) {
    const declared = rule.sinkShapes?.[lang] ?? [];
    for (const name of rule.sinks?.[lang] ?? []) {
      const own = declared.filter((s) => s.names.includes(name));
      const known = shapes.has(name) ? shapes.get(name) : [];
      shapes.set(name, own.length === 0 || known === undefined ? undefined : [...known, ...own]);
    }
  }
  if (shapes.size === 0) return undefined;
  // Word names need word boundaries; others (PHP's backtick operator) match as they are.
  const isWord = (n: string) => /^[\w$](?:.*[\w$])?$/.test(n);
  const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const words = [...shapes.keys()].filter(isWord).map(escape);
  const others = [...shapes.keys()].filter((n) => !isWord(n)).map(escape);
  const wordPattern = words.length > 0 ? [`(?<![\\w$])(?:${words.join('|')})(?![\\w$])`] : [];
  const re = new RegExp([...wordPattern, ...others].join('|'), 'g');
  const call = { next: CALL_NEXT[lang], defines: DEFINES[lang] };
  const plain = PLAIN_STRINGS[lang];
  return {
    hits(src) {
      const out: number[] = [];
      const text = src.masked;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const str = plain && stringAt(src, m.index);
        if (str && plain(src, str.start)) continue;
        const list = shapes.get(m[0]);
        if (!list || list.some((s) => fits(s, text, m.index, m[0], call))) out.push(m.index);
      }
      return out;
    },
  };
}

interface CallTest {
  next: RegExp | undefined;
  defines: RegExp | undefined;
}

const stickyCopies = new WeakMap<RegExp, RegExp>();

// `near` must match starting at the name.
function nearAt(near: RegExp, text: string, at: number): boolean {
  let sticky = stickyCopies.get(near);
  if (!sticky) stickyCopies.set(near, (sticky = new RegExp(near.source, `${near.flags.replace(/[gy]/g, '')}y`)));
  sticky.lastIndex = at;
  return sticky.test(text);
}

function fits(shape: SinkShape, text: string, at: number, name: string, call: CallTest): boolean {
  if (shape.near) return nearAt(shape.near, text, at);
  if (call.next) {
    call.next.lastIndex = at + name.length;
    if (!call.next.test(text)) return false;
  }
  if (call.defines?.test(text.slice(Math.max(0, at - 24), at))) return false;
  if (!shape.callee) return true;
  const callee = dottedCallee(text, at, name);
  // A `new` in front is part of the callee the rules see (`new vm.Script`); trying both keeps this a pure filter.
  return callee === undefined || shape.callee.test(callee) || shape.callee.test(`new ${callee}`);
}

const BLANK = /\s|\\/;
const IDENT = /[\w$]/;
// Characters that could glue the name to something before it other than a dot: `#priv`, `\u0061`, `->`, Java's
// `obj.<T>name`, non-ASCII identifiers.
const GLUE = /[#>\\'"`\u0080-\uffff]/;

/**
 * The dotted name ending with `name` at `at`, blanks removed (`os . system` → `os.system`); undefined when a call,
 * index, string or anything else but a plain name precedes a dot.
 */
export function dottedCallee(text: string, at: number, name: string): string | undefined {
  let callee = name;
  let start = at;
  for (;;) {
    let j = start - 1;
    while (j >= 0 && BLANK.test(text[j] ?? '')) j--;
    if (text[j] !== '.') break;
    let k = j - 1;
    while (k >= 0 && BLANK.test(text[k] ?? '')) k--;
    let s = k;
    while (s >= 0 && IDENT.test(text[s] ?? '')) s--;
    if (s === k) return undefined;
    callee = `${text.slice(s + 1, k + 1)}.${callee}`;
    start = s + 1;
  }
  const before = text[start - 1] ?? ' ';
  return GLUE.test(before) || (before === ':' && text[start - 2] === ':') ? undefined : callee;
}
