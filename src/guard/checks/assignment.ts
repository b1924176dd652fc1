/**
 * Reads `key = value` / `key: value` / `"key": "value"` around a keyword, for the
 * context-driven secret detectors (generic assignments, AWS secret keys, entropy).
 */
import { ALNUM, DASH, DOT, UNDERSCORE, classAt, runOf, runStart } from './chars.js';

const KEY_CHARS = ALNUM | UNDERSCORE | DASH | DOT;
const MAX_VALUE = 512;

/** A key, its operator and its value span. */
export interface Assignment {
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
  /** The operator, `=`, `:`, `=>` or `:=`. */
  op: string;
  /** True when the value was in quotes (the span excludes them). */
  quoted: boolean;
  /** True when whitespace stood between the key and the operator or after it. */
  spaced: boolean;
}

/** Parse the assignment whose key contains the keyword at `[at, at + len)`, if any. */
export function readAssignment(text: string, at: number, len: number): Assignment | undefined {
  const keyStart = runStart(text, at, KEY_CHARS, 64);
  const keyEnd = at + len + runOf(text, at + len, KEY_CHARS, 64);
  let i = keyEnd;
  if (text[i] === '"' || text[i] === "'") i++;
  const afterKey = i;
  i = skipBlanks(text, i);
  const op = readOperator(text, i);
  if (!op) return undefined;
  const spaced = i > afterKey || text.charCodeAt(i + op.length) === 32;
  i = skipBlanks(text, i + op.length);
  const q = text[i];
  if (q === '"' || q === "'" || q === '`') {
    const end = quotedEnd(text, i + 1, q);
    if (end === undefined) return undefined;
    return { key: text.slice(keyStart, keyEnd), keyStart, valueStart: i + 1, valueEnd: end, op, quoted: true, spaced };
  }
  let j = i;
  const stop = Math.min(text.length, i + MAX_VALUE);
  while (j < stop && !ENDS_BARE.has(text.charCodeAt(j))) j++;
  // A bare value ends before trailing sentence punctuation.
  while (j > i && (text[j - 1] === '.' || text[j - 1] === ':')) j--;
  if (j === i) return undefined;
  return { key: text.slice(keyStart, keyEnd), keyStart, valueStart: i, valueEnd: j, op, quoted: false, spaced };
}

// Whitespace, quotes and the delimiters that end a bare value in code, JSON, YAML, URLs and .env files.
const ENDS_BARE = new Set([9, 10, 13, 32, 34, 39, 96, 44, 59, 41, 125, 93, 60, 62, 38]);

function skipBlanks(text: string, i: number): number {
  let j = i;
  while (j < i + 8 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return j;
}

function readOperator(text: string, i: number): string | undefined {
  const c = text[i];
  const n = text[i + 1];
  if (c === '=') return n === '>' ? '=>' : n === '=' ? undefined : '=';
  if (c === ':') return n === '=' ? ':=' : n === ':' ? undefined : ':';
  return undefined;
}

function quotedEnd(text: string, from: number, q: string): number | undefined {
  const stop = Math.min(text.length, from + MAX_VALUE);
  for (let j = from; j < stop; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === q) return j;
    else if (c === '\n') return undefined;
  }
  return undefined;
}

/** Lower-case parts of an identifier: `clientSecret`, `CLIENT_SECRET`, `client-secret` → `client`, `secret`. */
export function keyParts(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((p) => p.length > 0);
}

const SECRET_LAST = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials']);
const KEY_QUALIFIERS = new Set(['api', 'access', 'secret', 'private', 'auth', 'client', 'signing', 'encryption', 'master', 'app', 'account']);

// Identifiers repeat (`password`, `api_key`), so their verdicts are memoised; bounded against floods.
const verdicts = new Map<string, boolean>();

/** True when an identifier names a secret: its last part is a secret noun (`db_password`, `apiKey`, not `max_tokens`). */
export function isSecretKey(key: string): boolean {
  let v = verdicts.get(key);
  if (v === undefined) {
    if (verdicts.size >= 4096) verdicts.clear();
    v = judgeKey(key);
    verdicts.set(key, v);
  }
  return v;
}

function judgeKey(key: string): boolean {
  const parts = keyParts(key);
  const last = parts[parts.length - 1];
  if (last === undefined) return false;
  if (SECRET_LAST.has(last)) return true;
  // Run-together names (PGPASSWORD, MYAPIKEY) end in the noun; short nouns must match exactly.
  for (const noun of SECRET_LAST) if (noun.length >= 5 && last.endsWith(noun)) return true;
  const prev = parts[parts.length - 2];
  return last === 'key' && prev !== undefined && KEY_QUALIFIERS.has(prev);
}

/** Class bits helper re-exported for value checks. */
export function hasClass(s: string, mask: number): boolean {
  for (let i = 0; i < s.length; i++) if ((classAt(s, i) & mask) !== 0) return true;
  return false;
}
