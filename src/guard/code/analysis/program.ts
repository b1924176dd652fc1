/**
 * A parsed view of one piece of code: its calls, property writes and a flow
 * classifier over expressions. Built from one tree-sitter parse (of the whole
 * text or of the candidate regions) in a single cursor walk.
 */
import type { Node, Range, Tree } from '@vscode/tree-sitter-wasm';
import { getParser } from '../parser/load.js';
import type { ParsePlan } from '../parser/regions.js';
import type { Source } from '../source/source.js';
import { createClassifier, type Bindings, type Flow } from './flow.js';
import type { Call, PropertyWrite, Syntax } from './syntax.js';

interface ScopeSpan {
  start: number;
  end: number;
  id: number;
  node: Node;
}

/** What parse-based rules query. */
export interface Program {
  calls: Call[];
  writes: PropertyWrite[];
  /** Values of return statements. */
  returns: Node[];
  /** How an expression's value is made. */
  flow(node: Node): Flow;
  /** Offset of a node in the scanned code (not the parser's text, which may carry a prelude). */
  offset(node: Node): number;
  /** Text of the function around `node` (or the whole parsed text), for sanitiser checks. */
  scopeText(node: Node): string;
  /** Free the WASM tree; nodes are invalid afterwards. */
  dispose(): void;
}

/** Parse `src` per `plan` and index it; undefined when the plan parses nothing. */
export async function buildProgram(src: Source, syntax: Syntax, plan: ParsePlan): Promise<Program | undefined> {
  if (plan.kind === 'none') return undefined;
  const prelude = syntax.prelude?.(src.text) ?? '';
  const text = prelude + src.text;
  const parser = await getParser(syntax.grammar(src.text));
  let included: Range[] | undefined;
  if (plan.kind === 'ranges') {
    const spans = plan.ranges.map(([s, e]) => [s + prelude.length, e + prelude.length] as [number, number]);
    const head = headRange(text, prelude);
    if (head && (spans[0]?.[0] ?? 0) > head[1]) spans.unshift(head);
    included = toRanges(text, spans);
  }
  const tree = parser.parse(text, null, included ? { includedRanges: included } : undefined);
  if (!tree) return undefined;
  return index(tree, syntax, prelude.length);
}

// PHP parses code only after its open tag, so a fragment must keep the tag in view.
function headRange(text: string, prelude: string): [number, number] | undefined {
  if (prelude) return [0, prelude.length];
  const tag = text.indexOf('<?php');
  return tag === -1 ? undefined : [tag, tag + 5];
}

function toRanges(text: string, spans: ReadonlyArray<[number, number]>): Range[] {
  let row = 0;
  let lineStart = 0;
  let scanned = 0;
  const point = (at: number) => {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      row++;
      lineStart = i + 1;
    }
    scanned = Math.max(scanned, at);
    return { row, column: at - lineStart };
  };
  return spans.map(([s, e]) => {
    const startPosition = point(s);
    const endPosition = point(e);
    return { startIndex: s, endIndex: e, startPosition, endPosition };
  });
}

function index(tree: Tree, syntax: Syntax, shift: number): Program {
  const calls: Call[] = [];
  const writes: PropertyWrite[] = [];
  const returns: Node[] = [];
  const returnTypes = syntax.returnTypes ?? new Set<string>();
  const bound = new Map<string, Node[]>();
  const root = tree.rootNode;
  const scopes: Array<{ id: number; depth: number }> = [{ id: root.id, depth: -1 }];
  // Scope spans recorded during the walk, so lookups never call node.parent (costly in the WASM binding).
  const spans: ScopeSpan[] = [{ start: root.startIndex, end: root.endIndex, id: root.id, node: root }];
  const cursor = tree.walk();
  let depth = 0;
  for (;;) {
    while ((scopes[scopes.length - 1]?.depth ?? -1) >= depth) scopes.pop();
    const type = cursor.nodeType;
    if (returnTypes.has(type)) {
      const value = cursor.currentNode.namedChild(0);
      if (value) returns.push(value);
    }
    if (syntax.callTypes.has(type) || syntax.assignTypes.has(type) || syntax.writeTypes.has(type) || syntax.scopes.has(type)) {
      const node = cursor.currentNode;
      const scope = scopes[scopes.length - 1]?.id ?? root.id;
      if (syntax.callTypes.has(type)) {
        const c = syntax.call(node);
        if (c) calls.push(c);
      }
      if (syntax.assignTypes.has(type)) {
        for (const [name, value] of syntax.assigns(node)) {
          const key = `${scope}:${name}`;
          const list = bound.get(key);
          if (list) list.push(value);
          else bound.set(key, [value]);
        }
      }
      if (syntax.writeTypes.has(type)) {
        const w = syntax.write?.(node);
        if (w) writes.push(w);
      }
      if (syntax.scopes.has(type)) {
        scopes.push({ id: node.id, depth });
        spans.push({ start: node.startIndex, end: node.endIndex, id: node.id, node });
      }
    }
    if (cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    let done = false;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
      depth--;
    }
    if (done) break;
  }
  cursor.delete();

  // Spans are in document order and nest, so the enclosing ones of a position are those that contain it.
  const enclosing = (n: Node): ScopeSpan[] => {
    const at = n.startIndex;
    const out: ScopeSpan[] = [];
    for (const s of spans) if (s.start <= at && at < s.end && s.id !== n.id) out.push(s);
    return out.reverse();
  };
  const scopeOf = (n: Node): Node => enclosing(n)[0]?.node ?? root;
  const bindings: Bindings = {
    valuesOf(name, at) {
      for (const s of enclosing(at)) {
        const values = bound.get(`${s.id}:${name}`);
        if (values) return values;
      }
      return [];
    },
    isTaintedParam(name, at) {
      if (!syntax.params || !syntax.taintedParams) return false;
      const decl = syntax.params(scopeOf(at)).find(([n]) => n === name);
      return decl !== undefined && syntax.taintedParams.test(decl[1]);
    },
  };
  const callOf = (n: Node) => syntax.call(n);
  const scopeTexts = new Map<number, string>();
  const classify = createClassifier(syntax, bindings, callOf);
  return {
    calls,
    writes,
    returns,
    flow: (n) => classify(n),
    offset: (n) => Math.max(0, n.startIndex - shift),
    scopeText: (n) => {
      const scope = scopeOf(n);
      let text = scopeTexts.get(scope.id);
      if (text === undefined) scopeTexts.set(scope.id, (text = scope.text));
      return text;
    },
    dispose: () => tree.delete(),
  };
}
