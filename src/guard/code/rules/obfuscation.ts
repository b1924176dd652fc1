/**
 * CWE-506 (embedded malicious code) and CWE-94: code that hides what it runs.
 * Decoded data (base64, hex, char codes, zlib, rot13) reaching an evaluator or
 * a shell; dangerous names assembled from pieces ('ev'+'al', chr(111)+chr(115),
 * String.fromCharCode(…), "\x65\x76\x61\x6c"); `… | base64 -d | sh`; request
 * values used as function names; long encoded blobs.
 */
import type { Source } from '../source/source.js';
import { defineCodeRule, type CodeHit, type RuleContext } from '../types.js';
import { codeSinks } from './code-injection.js';
import { commandSinks } from './command-injection.js';
import { checkSinks, sinkNames, type SinkTable } from './sinks.js';

const DECODED_MSG = 'decoded data is executed (base64/hex/char codes fed to eval/exec/a shell): classic obfuscated payload';
const SINKS = Object.fromEntries(
  (Object.keys(codeSinks) as Array<keyof typeof codeSinks>).map((l) => [
    l,
    [...codeSinks[l], ...commandSinks[l]].map((s) => ({ ...s, message: DECODED_MSG, risky: (f: { decoded: boolean }) => f.decoded })),
  ]),
) as unknown as SinkTable;

const DANGEROUS = /^(?:eval|exec|execfile|system|popen|spawn|os|subprocess|__import__|__builtins__|builtins|importlib|compile|getattr|globals|function|constructor|child_process|execsync|spawnsync|shell_exec|passthru|proc_open|assert|create_function|base64_decode|gzinflate|runtime|getruntime|processbuilder|sh|bash|\/bin\/sh|\/bin\/bash|cmd\.exe|powershell|require|document\.write|fromcharcode|atob)$/i;

const PIECES = /(['"])([\w./$]{1,12})\1(?:\s*[+.]\s*(['"])[\w./$]{1,12}\3)+/g;
const PIECE = /(['"])([\w./$]{1,12})\1/g;
const CHRS = /\b(?:chr|Chr|chr\$)\s*\(\s*\d+\s*\)(?:\s*[+.]\s*(?:chr|Chr)\s*\(\s*\d+\s*\))+/g;
const FROM_CHAR_CODE = /\bString\.fromCharCode\s*\(\s*((?:\d+\s*,\s*)*\d+)\s*\)/g;
const HEX_ESCAPES = /(?:\\x[0-9a-fA-F]{2}){3,}/g;
const SHELL_PIPE = /\b(?:base64\s+(?:-d|--decode|-D)|xxd\s+-r(?:\s+-p)?|openssl\s+(?:enc\s+)?-?base64\s+-d|printf\s+['"](?:\\x[0-9a-fA-F]{2})+['"])[^|\n]*\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b/g;
const DYNAMIC_CALL = /\$_(?:GET|POST|REQUEST|COOKIE)\s*\[[^\]]+\]\s*\(/g;
const GLOBAL_LOOKUP = /\b(?:globalThis|window|global|self|__builtins__|builtins)\s*(?:\.\s*__dict__\s*)?\[[^\]]*(?:\+|atob|fromCharCode|\\x|chr\s*\(|b64decode)/g;
const BUILTINS_ATTR = /\bgetattr\s*\(\s*(?:__builtins__|builtins|__import__\([^)]*\))\s*,\s*(?!['"]\w+['"]\s*\))/g;
const BLOB_MIN = 256;

function push(hits: CodeHit[], offset: number, message: string): void {
  hits.push({ offset, message });
}

function pieces(src: Source, hits: CodeHit[]): void {
  for (const m of src.masked.matchAll(PIECES)) {
    const joined = [...m[0].matchAll(PIECE)].map((p) => p[2]).join('');
    if (DANGEROUS.test(joined)) push(hits, m.index, `dangerous name "${joined}" assembled from string pieces to dodge review`);
  }
  for (const m of src.masked.matchAll(CHRS)) {
    const joined = String.fromCharCode(...[...m[0].matchAll(/\d+/g)].map((d) => Number(d[0])));
    if (DANGEROUS.test(joined) || /[(;]/.test(joined)) push(hits, m.index, `name or code "${joined}" assembled from chr() codes`);
  }
  for (const m of src.masked.matchAll(FROM_CHAR_CODE)) {
    const joined = String.fromCharCode(...(m[1] ?? '').split(',').map((d) => Number(d.trim())));
    if (DANGEROUS.test(joined) || /[(;=]/.test(joined)) push(hits, m.index, `name or code "${joined.slice(0, 40)}" hidden in String.fromCharCode`);
  }
  for (const m of src.masked.matchAll(HEX_ESCAPES)) {
    const joined = m[0].replace(/\\x([0-9a-fA-F]{2})/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (DANGEROUS.test(joined) || (joined.length >= 8 && /[(;]|import|eval|exec|system/.test(joined))) push(hits, m.index, `name or code "${joined.slice(0, 40)}" hidden in \\x escapes`);
  }
}

function blobs(src: Source, hits: CodeHit[]): void {
  for (const s of src.strings) {
    const v = s.value;
    if (v.length < BLOB_MIN || /^data:|-----BEGIN /.test(v)) continue;
    const b64 = /^[A-Za-z0-9+/=_-]+$/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v);
    const hex = /^(?:[0-9a-fA-F]{2})+$/.test(v) || /^(?:\\x[0-9a-fA-F]{2})+$/.test(v);
    if (b64 || hex) push(hits, s.start, `long ${hex ? 'hex' : 'base64'}-encoded blob (${v.length} chars) embedded in code`);
  }
}

function check(ctx: RuleContext): CodeHit[] {
  const hits = checkSinks(ctx, SINKS).map((h) => ({ ...h, severity: 'critical' as const }));
  const src = ctx.source;
  pieces(src, hits);
  blobs(src, hits);
  for (const re of [GLOBAL_LOOKUP, BUILTINS_ATTR]) for (const m of src.masked.matchAll(re)) push(hits, m.index, 'computed lookup of a global or builtin by an encoded or assembled name');
  if (ctx.language === 'shell') for (const m of src.masked.matchAll(SHELL_PIPE)) push(hits, m.index, 'decoded data piped into a shell');
  if (ctx.language === 'php') for (const m of src.masked.matchAll(DYNAMIC_CALL)) push(hits, m.index, 'function name taken from the request (web-shell pattern)');
  return hits;
}

/** `code/obfuscation` (CWE-506, CWE-94). */
export const obfuscationRule = defineCodeRule({
  id: 'code/obfuscation',
  title: 'Obfuscated or encoded code execution',
  cwe: [506, 94],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'go', 'php', 'shell'],
  description: 'Decoded base64/hex/char-code data fed to eval/exec/a shell, dangerous names built from pieces (\'ev\'+\'al\', chr(111)+chr(115), String.fromCharCode), `base64 -d | sh`, request-chosen function names, long encoded blobs.',
  sinks: sinkNames(SINKS),
  sinkShapes: SINKS,
  check,
});
