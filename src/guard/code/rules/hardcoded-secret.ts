/**
 * CWE-798: credentials written into code: a literal assigned to a
 * password/secret/token/key name (in any language's assignment, keyword,
 * dict or `define` form), vendor-shaped keys, private key blocks and
 * `scheme://user:pass@host` URLs. Evidence is masked so reports never repeat
 * the secret. Placeholders (`changeme`, `<your-key>`, `${VAR}`) pass.
 */
import type { Source } from '../source/source.js';
import { lineCol } from '../source/source.js';
import { defineCodeRule, type CodeHit } from '../types.js';

const WORDS = 'password|passwd|passphrase|pwd|secret|api_?key|apikey|access_?key|secret_?key|auth_?token|access_?token|bearer|token|private_?key|client_?secret|credentials?';
const NAME = String.raw`(?:[A-Za-z_$][\w$]*?)?(?:${WORDS})`;
// name (optionally quoted) then = := : => then an optional cast, then a quoted literal; sticky, tried where a word is.
const ASSIGN = new RegExp(String.raw`(?<![\w$])(${NAME})\b['"]?\s*(?::=|=>|=|:|,)\s*(?:\(\s*\w+\s*\)\s*)?(?:[rbuRBU]|@)?(['"\x60])([^'"\x60\n]{4,})\2`, 'iy');
const WORD = new RegExp(WORDS, 'gi');
const DEFINE = /#define\s+(\w*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY)\w*)\s+"([^"\n]{4,})"/g;
const SHELL = /(?:^|[\s;])(?:export\s+)?(\w*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY)\w*)=(?!["']?\$)["']?([^\s"'$;]{4,})/gim;
const SQL = /\b(?:IDENTIFIED\s+BY|PASSWORD(?:\s*=)?)\s+'([^'\n]{4,})'/gi;
const VENDOR = /\b(?:AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_\w{40,}|xox[abprs]-[\w-]{10,}|sk_live_[0-9a-zA-Z]{20,}|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,}|AIza[0-9A-Za-z_-]{35}|hf_[A-Za-z]{30,}|glpat-[\w-]{20})\b|-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/g;
const URL_CREDS = /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@'"]+:([^/\s:@'"$]{3,})@/gi;

const PLACEHOLDER = /^(?:\*+|x{3,}.*|\.{3}|<[^>]*>|\{\{.*\}\}|\$\{.*\}|\$\w+|%\(?\w*\)?s|%s|\{\w*\}|changeme|change[_-]?me|your[_-]?\w*|example\w*|dummy|placeholder|redacted|none|null|undefined|password|secret|token|todo|tbd|env|test|process\.env.*|os\.environ.*)$/i;
const NOT_A_SECRET_NAME = /(?:name|field|label|prompt|url|uri|path|file|header|type|_id|id|length|len|min|max|regex|pattern|policy|env|var|hash|param|placeholder|message|msg|error|format)$/i;

function mask(value: string): string {
  return `${value.slice(0, 2)}…(${value.length} chars)`;
}

function hit(src: Source, offset: number, value: string, what: string): CodeHit {
  const { line } = lineCol(src, offset);
  const start = src.lineStarts[line - 1] ?? 0;
  const end = src.lineStarts[line] ?? src.text.length + 1;
  const evidence = src.text.slice(start, end - 1).split(value).join(mask(value)).trim();
  return { offset, message: `hard-coded ${what}; load it from the environment or a secret manager`, evidence };
}

function plausible(name: string, value: string): boolean {
  if (PLACEHOLDER.test(value.trim()) || /\s/.test(value) || NOT_A_SECRET_NAME.test(name)) return false;
  // Interpolated strings ("pw${RANDOM}", "$prefix-x", "{{ vault }}") are built at run time, not written down.
  if (/\$\{|\$\(|#\{|\{\{|\$[A-Za-z_]/.test(value)) return false;
  // Short values under generic names (token, key) are usually not credentials; passwords can be short.
  return /pass|pwd/i.test(name) || value.length >= 8;
}

/**
 * The matches `ASSIGN` would find scanning `text` globally. A match starts where an identifier starts, and that
 * identifier holds a secret word; trying only those (found by a plain word search) skips the lazy name prefix at
 * every other identifier, which dominated this rule's cost.
 */
function assignments(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let end = 0;
  let tried = -1;
  WORD.lastIndex = 0;
  for (let w = WORD.exec(text); w !== null; w = WORD.exec(text)) {
    let start = w.index;
    while (start > end && /[\w$]/.test(text[start - 1] ?? '')) start--;
    if (start === tried) continue;
    tried = start;
    ASSIGN.lastIndex = start;
    const m = ASSIGN.exec(text);
    if (!m) continue;
    out.push(m);
    end = m.index + m[0].length;
    WORD.lastIndex = Math.max(WORD.lastIndex, end);
  }
  return out;
}

function scan(src: Source, sql: boolean, shell: boolean): CodeHit[] {
  const text = src.masked;
  const hits: CodeHit[] = [];
  for (const m of assignments(text)) {
    const [, name = '', , value = ''] = m;
    if (plausible(name, value)) hits.push(hit(src, m.index, value, `credential in ${name}`));
  }
  for (const m of text.matchAll(DEFINE)) if (plausible(m[1] ?? '', m[2] ?? '')) hits.push(hit(src, m.index, m[2] ?? '', `credential in ${m[1]}`));
  if (shell) for (const m of text.matchAll(SHELL)) if (plausible(m[1] ?? '', m[2] ?? '')) hits.push(hit(src, m.index + (m[0].length - m[0].trimStart().length), m[2] ?? '', `credential in ${m[1]}`));
  if (sql) for (const m of text.matchAll(SQL)) if (!PLACEHOLDER.test(m[1] ?? '')) hits.push(hit(src, m.index, m[1] ?? '', 'database password'));
  for (const m of text.matchAll(VENDOR)) hits.push(hit(src, m.index, m[0], m[0].startsWith('-----') ? 'private key' : 'API key'));
  for (const m of text.matchAll(URL_CREDS)) if (!PLACEHOLDER.test(m[1] ?? '')) hits.push(hit(src, m.index, m[1] ?? '', 'password in a URL'));
  return hits;
}

/** `code/hardcoded-secret` (CWE-798). */
export const hardcodedSecretRule = defineCodeRule({
  id: 'code/hardcoded-secret',
  title: 'Hard-coded credential',
  cwe: [798, 259],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'c', 'go', 'php', 'sql', 'shell'],
  description: 'A password, API key, token or private key is written as a literal in code (assignment, keyword argument, dict entry, #define, SQL IDENTIFIED BY, URL credentials, vendor key formats).',
  check: (ctx) => scan(ctx.source, ctx.language === 'sql', ctx.language === 'shell'),
});
