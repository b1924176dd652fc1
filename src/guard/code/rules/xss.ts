/**
 * CWE-79: non-constant data written into HTML without escaping: DOM sinks
 * (innerHTML, outerHTML, insertAdjacentHTML, document.write), React
 * dangerouslySetInnerHTML, server responses that glue user input into markup
 * (Express res.send, Flask return, Java getWriter, Go Fprintf, PHP echo),
 * Markup()/template.HTML() of input, and Jinja `|safe`.
 */
import type { Flow } from '../analysis/flow.js';
import type { Program } from '../analysis/program.js';
import { pythonSyntax } from '../analysis/syntax/python.js';
import { defineCodeRule, type CodeHit, type RuleContext } from '../types.js';
import { matchHits } from './lexical.js';
import { checkSinks, sinkNames, type Sink, type SinkTable } from './sinks.js';

const MSG = 'untrusted data written into HTML without escaping; escape it (textContent, html.escape, htmlspecialchars, template auto-escaping) or sanitise with DOMPurify';
const HTML = /<\/?[a-zA-Z][\w-]*[\s>/]|<\/|&lt;/;
const dynamic = (f: Flow) => !f.constant;
const taintedHtml = (f: Flow) => f.tainted && HTML.test(f.literals.join(' '));
const s = (names: string[], extra: Partial<Sink> = {}): Sink => ({ names, message: MSG, risky: taintedHtml, ...extra });

const JS: readonly Sink[] = [
  s(['write', 'writeln'], { callee: /^(?:window\.)?document\.writeln?$/, risky: dynamic }),
  s(['insertAdjacentHTML'], { arg: 1, risky: dynamic }),
  s(['html', 'append', 'prepend', 'after', 'before', 'replaceWith'], { callee: /^\$\(.*\)\.\w+$|^jQuery\(.*\)\.\w+$/, risky: (f) => f.tainted || f.built }),
  // Express sends strings as text/html, so any input echoed back is markup.
  s(['send', 'write', 'end'], { callee: /^(?:res|response|ctx\.res)\.(?:send|write|end)$/, risky: (f) => f.tainted }),
];
const DOM_PROPS = new Set(['innerHTML', 'outerHTML', 'dangerouslySetInnerHTML', 'srcdoc']);

const SINKS: SinkTable = {
  python: [
    s(['Markup'], { risky: (f) => f.tainted || f.built }),
    s(['make_response', 'HttpResponse', 'Response', 'HTMLResponse'], {}),
  ],
  javascript: JS,
  typescript: JS,
  java: [s(['println', 'print', 'write', 'append', 'printf', 'format'], { callee: /(?:getWriter\(\)|out|writer|pw)\.(?:println|print|write|append|printf|format)$/, arg: 'last' })],
  c: [],
  go: [
    s(['Fprintf', 'Fprint', 'Fprintln'], { callee: /^fmt\.Fprint(?:f|ln)?$/, arg: 'last', risky: (f, c, p) => f.tainted && HTML.test(p.scopeText(c.node).slice(0, 4000)) }),
    s(['Write', 'WriteString'], { callee: /^(?:w|rw|writer|io)\.(?:Write|WriteString)$/, arg: 'last' }),
    s(['HTML', 'HTMLAttr', 'JS'], { callee: /^template\.(?:HTML|HTMLAttr|JS)$/, risky: (f) => !f.constant }),
  ],
  php: [s(['echo', 'print', 'printf', 'exit'], { arg: (c, p) => c.args.find((a) => p.flow(a).tainted) ?? c.args[0], risky: (f) => f.tainted })],
  sql: [],
  shell: [],
};

// Python handlers that return markup glued to input (`return f"<h1>{name}</h1>"`).
function pythonReturns(program: Program): CodeHit[] {
  return program.returns.filter((r) => taintedHtml(program.flow(r))).map((r) => ({ offset: program.offset(r), message: MSG, severity: 'critical' as const }));
}

function domWrites(ctx: RuleContext): CodeHit[] {
  const p = ctx.program;
  if (!p) return [];
  const hits: CodeHit[] = [];
  for (const w of p.writes) {
    if (!DOM_PROPS.has(w.property)) continue;
    const flow = p.flow(w.value);
    if (!flow.constant) hits.push({ offset: p.offset(w.node), message: MSG, severity: flow.tainted ? 'critical' : undefined });
  }
  return hits;
}

const JINJA_SAFE = /\{\{[^}]*\|\s*safe\b[^}]*\}\}|\{%\s*autoescape\s+false\s*%\}/g;

/** `code/xss` (CWE-79). */
export const xssRule = defineCodeRule({
  id: 'code/xss',
  title: 'Cross-site scripting sink',
  cwe: [79],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'go', 'php'],
  description: 'innerHTML/outerHTML/document.write/dangerouslySetInnerHTML with non-constant values, responses that embed user input in markup, Markup()/template.HTML() of input, Jinja |safe.',
  // Python handlers return markup rather than call a sink, so `request` (the taint source) gates parsing there.
  sinks: { ...sinkNames(SINKS), python: [...(sinkNames(SINKS).python ?? []), 'request'], javascript: [...(sinkNames(SINKS).javascript ?? []), ...DOM_PROPS], typescript: [...(sinkNames(SINKS).typescript ?? []), ...DOM_PROPS] },
  // `request` only matters where it is read as input (`request.args`); DOM properties have no shape, so every use counts.
  sinkShapes: { ...SINKS, python: [...SINKS.python, { names: ['request'], near: pythonSyntax.sources }] },
  check: (ctx) => [
    ...checkSinks(ctx, SINKS),
    ...domWrites(ctx),
    // Literals are pieces of the text, so a text without markup cannot return any (and the flows are skipped).
    ...(ctx.program && ctx.language === 'python' && HTML.test(ctx.source.text) ? pythonReturns(ctx.program) : []),
    ...(ctx.language === 'python' ? matchHits(ctx.source, JINJA_SAFE, 'Jinja |safe / autoescape false turns escaping off for this value') : []),
  ],
});
