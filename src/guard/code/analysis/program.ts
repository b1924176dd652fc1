/**
 * A parsed view of one piece of code: the calls and property writes around
 * the parse gate's hits, return values, and a flow classifier over
 * expressions. Built from one tree-sitter parse (of the whole text or of the
 * candidate regions); everything else is looked up on demand, since node
 * access through the WASM binding costs more than the parse itself.
 */
import type { Node, Range, Tree } from '@vscode/tree-sitter-wasm';
import { getParser } from '../parser/load.js';
import type { ParsePlan } from '../parser/regions.js';
import type { Source } from '../source/source.js';
import { createClassifier, type Flow } from './flow.js';
import { createScopes } from './scopes.js';
import type { Call, PropertyWrite, Syntax } from './syntax.js';

/** What parse-based rules query. */
export interface Program {
  /** Calls around the gate's hits (every call a sink can match), in document order. */
  calls: Call[];
  /** Property writes around the gate's hits (`innerHTML`, `dangerouslySetInnerHTML`), in document order. */
  writes: PropertyWrite[];
  /** Values of all return statements in the parsed text. */
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
  return index(tree, syntax, plan.hits.map((h) => h + prelude.length), prelude.length);
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

function index(tree: Tree, syntax: Syntax, hits: readonly number[], shift: number): Program {
  const root = tree.rootNode;
  const sites = syntax.namedCalls
    ? sitesAt(root, syntax, hits)
    : root.descendantsOfType(siteTypesOf(syntax)).flatMap((n) => (n ? [n] : []));
  const calls: Call[] = [];
  const writes: PropertyWrite[] = [];
  for (const node of sites) {
    const type = node.type;
    if (syntax.callTypes.has(type)) {
      const c = syntax.call(node);
      if (c) calls.push(c);
    }
    if (syntax.writeTypes.has(type)) {
      const w = syntax.write?.(node);
      if (w) writes.push(w);
    }
  }
  const scopes = createScopes(root, syntax);
  const scopeTexts = new Map<number, string>();
  const classify = createClassifier(syntax, scopes, (n) => syntax.call(n));
  let returns: Node[] | undefined;
  return {
    calls,
    writes,
    get returns() {
      return (returns ??= returnValues(root, syntax));
    },
    flow: (n) => classify(n),
    offset: (n) => Math.max(0, n.startIndex - shift),
    scopeText: (n) => {
      const scope = scopes.scopeOf(n);
      let text = scopeTexts.get(scope.id);
      if (text === undefined) scopeTexts.set(scope.id, (text = scope.text));
      return text;
    },
    dispose: () => tree.delete(),
  };
}

const siteTypes = new WeakMap<Syntax, string[]>();

function siteTypesOf(syntax: Syntax): string[] {
  let types = siteTypes.get(syntax);
  if (!types) siteTypes.set(syntax, (types = [...new Set([...syntax.callTypes, ...syntax.writeTypes])]));
  return types;
}

/**
 * Call and write nodes around the gate's hits, in document order: a rule can
 * only match a call whose name is a sink name, and the gate keeps every such
 * name, so the other calls are never built. Each hit is reached by descending
 * from the root (`firstChildForIndex` picks the child inside the WASM module).
 */
function sitesAt(root: Node, syntax: Syntax, hits: readonly number[]): Node[] {
  const types = new Set(siteTypesOf(syntax));
  const seen = new Set<number>();
  const out: Node[] = [];
  for (const at of hits) {
    for (let n = root.firstChildForIndex(at); n; n = n.firstChildForIndex(at)) {
      if (!types.has(n.type)) continue;
      // The hit fell in a gap between children: this node and all below it start after it.
      if (n.startIndex > at) break;
      if (!seen.has(n.id)) {
        seen.add(n.id);
        out.push(n);
      }
    }
  }
  // Nodes from one hit come outer first; a stable sort by start keeps that for nodes that start together.
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

function returnValues(root: Node, syntax: Syntax): Node[] {
  if (!syntax.returnTypes || syntax.returnTypes.size === 0) return [];
  return root.descendantsOfType([...syntax.returnTypes]).flatMap((r) => {
    const value = r?.namedChild(0);
    return value ? [value] : [];
  });
}
