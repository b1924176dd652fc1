/**
 * CWE-94/95: a dynamic string reaches an evaluator (eval, exec, new Function,
 * setTimeout with a string, PHP eval/assert, a JSR-223 ScriptEngine).
 * Evaluating anything but a literal is flagged: there is no safe way to
 * eval data, and `ast.literal_eval` / `JSON.parse` are the fixed twins.
 */
import type { Flow } from '../analysis/flow.js';
import type { Node } from '@vscode/tree-sitter-wasm';
import { defineCodeRule } from '../types.js';
import { checkSinks, sinkNames, type Sink, type SinkTable } from './sinks.js';

const MSG = 'dynamic code evaluation of non-constant data; parse the data instead (ast.literal_eval, JSON.parse) or dispatch on a fixed table';
// Decoded constants are the obfuscation rule's business.
const risky = (f: Flow) => !f.constant && !(f.decoded && !f.tainted);
const s = (names: string[], extra: Partial<Sink> = {}): Sink => ({ names, message: MSG, risky, ...extra });
const isStringish = (n: Node | undefined) => n !== undefined && !/^(?:arrow_function|function_expression|function|identifier|member_expression)$/.test(n.type);

const JS: readonly Sink[] = [
  s(['eval'], { callee: /^(?:window\.|globalThis\.)?eval$/ }),
  s(['Function'], { callee: /^(?:new )?Function$/, arg: 'last' }),
  s(['setTimeout', 'setInterval', 'setImmediate'], { guard: (c) => isStringish(c.args[0]) }),
  s(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction'], { callee: /^vm\./ }),
  s(['Script'], { callee: /^new vm\.Script$/ }),
];

const SINKS: SinkTable = {
  python: [
    s(['eval', 'exec'], { callee: /^(?:builtins\.)?(?:eval|exec)$/ }),
    s(['compile'], { callee: /^compile$/ }),
    s(['render_template_string'], { risky: (f) => f.tainted || f.built }),
    s(['Template'], { callee: /^(?:jinja2\.)?Template$/, risky: (f) => f.tainted }),
  ],
  javascript: JS,
  typescript: JS,
  java: [s(['eval'], { callee: /(?:engine|scriptEngine|js|nashorn|getEngineByName\([^)]*\))\.eval$/i })],
  c: [],
  go: [],
  php: [
    s(['eval', 'assert', 'create_function'], { callee: /^(?:eval|assert|create_function)$/, arg: 'last' }),
    s(['preg_replace'], { guard: (c) => /\/[a-z]*e[a-z]*['"]$/.test(c.args[0]?.text ?? ''), arg: 1 }),
  ],
  sql: [],
  shell: [s(['source'], { risky: (f) => f.tainted })],
};

/** `code/code-injection` (CWE-94, CWE-95). */
export const codeInjectionRule = defineCodeRule({
  id: 'code/code-injection',
  title: 'Code injection (eval of dynamic data)',
  cwe: [94, 95],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'php', 'shell'],
  description: 'eval/exec/compile, new Function, setTimeout(string), vm.run*, ScriptEngine.eval, PHP eval/assert/create_function or an included file name receives non-constant data.',
  sinks: sinkNames(SINKS),
  sinkShapes: SINKS,
  check: (ctx) => checkSinks(ctx, SINKS),
});

export { SINKS as codeSinks };
