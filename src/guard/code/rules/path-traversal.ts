/**
 * CWE-22: user input becomes part of a file path without being reduced to a
 * base name or checked against the allowed directory after normalisation.
 * A function that calls a normaliser and then a prefix check (realpath +
 * startswith, resolve + startsWith, Clean + HasPrefix, getCanonicalPath +
 * startsWith) is treated as guarded.
 */
import type { Flow } from '../analysis/flow.js';
import type { Call } from '../analysis/syntax.js';
import type { Program } from '../analysis/program.js';
import { defineCodeRule } from '../types.js';
import { checkSinks, sinkNames, type Sink, type SinkTable } from './sinks.js';

const MSG = 'file path built from user input without normalising and checking it stays inside the base directory';
const NORMALISE = /\b(?:realpath|abspath|normpath|resolve|Clean|getCanonicalPath|toRealPath|normalize|canonicalize|EvalSymlinks)\b/;
const PREFIX_CHECK = /\b(?:startswith|startsWith|HasPrefix|is_relative_to|commonpath|strpos|str_starts_with|strncmp|relative|Rel)\b/;
const guarded = (text: string) => NORMALISE.test(text) && PREFIX_CHECK.test(text);
const unguarded = (f: Flow, c: Call, p: Program) => f.tainted && !guarded(p.scopeText(c.node));
const s = (names: string[], extra: Partial<Sink> = {}): Sink => ({ names, message: MSG, risky: unguarded, ...extra });

const JS: readonly Sink[] = [
  s(['readFile', 'readFileSync', 'createReadStream', 'writeFile', 'writeFileSync', 'createWriteStream', 'unlink', 'unlinkSync', 'open', 'openSync', 'appendFile', 'appendFileSync', 'readdir', 'readdirSync', 'rm', 'rmSync'], { callee: /^(?:fs|fsp|fs\.promises|promises|fse)\.\w+$|^(?:readFile|readFileSync|createReadStream|writeFile|writeFileSync)$/ }),
  s(['sendFile', 'download'], { callee: /^res\.\w+$/, guard: (c) => c.args.length < 2 || !/\broot\b/.test(c.args[1]?.text ?? '') }),
];

const SINKS: SinkTable = {
  python: [
    s(['open'], { callee: /^(?:open|io\.open|codecs\.open)$/ }),
    s(['send_file', 'FileResponse', 'remove', 'unlink', 'rmtree', 'read_text', 'read_bytes', 'write_text', 'write_bytes'], {}),
    s(['Path'], { callee: /^(?:pathlib\.)?Path$/, guard: (c) => /\.(?:read_text|read_bytes|open|write_text|write_bytes|unlink)\s*\(/.test(c.node.parent?.text ?? '') }),
  ],
  javascript: JS,
  typescript: JS,
  java: [s(['File', 'FileInputStream', 'FileReader', 'FileOutputStream', 'FileWriter', 'RandomAccessFile', 'get', 'of', 'readAllBytes', 'readString', 'newInputStream', 'lines'], {
    callee: /^new (?:java\.io\.)?(?:File|FileInputStream|FileReader|FileOutputStream|FileWriter|RandomAccessFile)$|^(?:Paths\.get|Path\.of|Files\.\w+)$/,
    arg: 'last',
  })],
  c: [s(['fopen', 'open', 'freopen', 'opendir', 'unlink', 'remove'], { callee: /^(?:fopen|open|freopen|opendir|unlink|remove)$/ })],
  go: [s(['Open', 'OpenFile', 'ReadFile', 'WriteFile', 'Create', 'Remove', 'RemoveAll', 'ServeFile'], {
    callee: /^(?:os|ioutil|http)\.(?:Open|OpenFile|ReadFile|WriteFile|Create|Remove|RemoveAll|ServeFile)$/,
    arg: (c) => (c.name === 'ServeFile' ? c.args[2] : c.args[0]),
  })],
  php: [s(['file_get_contents', 'fopen', 'readfile', 'file', 'unlink', 'file_put_contents', 'include', 'require', 'include_once', 'require_once', 'opendir', 'scandir', 'copy'], {
    callee: /^(?:file_get_contents|fopen|readfile|file|unlink|file_put_contents|include|require|include_once|require_once|opendir|scandir|copy)$/,
  })],
  sql: [],
  shell: [],
};

/** `code/path-traversal` (CWE-22). */
export const pathTraversalRule = defineCodeRule({
  id: 'code/path-traversal',
  title: 'Path traversal',
  cwe: [22],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'c', 'go', 'php'],
  description: 'A file open/read/write/serve call takes a path derived from user input without basename() or a normalise-then-prefix check.',
  sinks: sinkNames(SINKS),
  sinkShapes: SINKS,
  check: (ctx) => checkSinks(ctx, SINKS),
});
