/**
 * Assignments per scope, built on the first flow question only: most files
 * that get parsed hold no sink whose argument needs tracing, so the tree is
 * not indexed up front. One `descendantsOfType` call walks the tree inside
 * the WASM module (a JavaScript cursor walk costs several binding calls per
 * node, anonymous tokens included) and returns only assignments and scopes,
 * in document order, so the open scopes are a stack ordered by end offset.
 * A scope's assignments are read (`syntax.assigns`) when a lookup reaches it.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Bindings } from './flow.js';
import type { Syntax } from './syntax.js';

interface ScopeSpan {
  start: number;
  end: number;
  id: number;
  node: Node;
}

/** Scope lookups over one parsed tree: bindings for flow, and the scope around a node. */
export interface Scopes extends Bindings {
  /** The innermost function (or the root) around `node`. */
  scopeOf(node: Node): Node;
}

const typeLists = new WeakMap<Syntax, string[]>();

function indexTypes(syntax: Syntax): string[] {
  let types = typeLists.get(syntax);
  if (!types) typeLists.set(syntax, (types = [...new Set([...syntax.assignTypes, ...syntax.scopes])]));
  return types;
}

interface ScopeIndex {
  spans: ScopeSpan[];
  /** Assignment nodes per scope id, turned into `bound` entries when a lookup first reaches that scope. */
  pending: Map<number, Node[]>;
  bound: Map<string, Node[]>;
}

/** Lazy scope index of the tree under `root`. */
export function createScopes(root: Node, syntax: Syntax): Scopes {
  let built: ScopeIndex | undefined;
  const index = () => (built ??= build(root, syntax));
  // Spans are in document order and nest, so the enclosing ones of a position are those that contain it.
  const enclosing = (n: Node): ScopeSpan[] => {
    const at = n.startIndex;
    const out: ScopeSpan[] = [];
    for (const s of index().spans) if (s.start <= at && at < s.end && s.id !== n.id) out.push(s);
    return out.reverse();
  };
  const scopeOf = (n: Node): Node => enclosing(n)[0]?.node ?? root;
  return {
    scopeOf,
    valuesOf(name, at) {
      const idx = index();
      for (const s of enclosing(at)) {
        expand(idx, s.id, syntax);
        const values = idx.bound.get(`${s.id}:${name}`);
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
}

function expand(idx: ScopeIndex, scope: number, syntax: Syntax): void {
  const nodes = idx.pending.get(scope);
  if (!nodes) return;
  idx.pending.delete(scope);
  for (const node of nodes) {
    for (const [name, value] of syntax.assigns(node)) {
      const key = `${scope}:${name}`;
      const list = idx.bound.get(key);
      if (list) list.push(value);
      else idx.bound.set(key, [value]);
    }
  }
}

function build(root: Node, syntax: Syntax): ScopeIndex {
  const pending = new Map<number, Node[]>();
  const spans: ScopeSpan[] = [{ start: root.startIndex, end: root.endIndex, id: root.id, node: root }];
  // Scopes around the current node, innermost last; a node belongs to every open scope it starts inside of.
  const open: ScopeSpan[] = [];
  for (const node of root.descendantsOfType(indexTypes(syntax))) {
    if (!node || node.id === root.id) continue;
    const start = node.startIndex;
    while (open.length > 0 && (open[open.length - 1] as ScopeSpan).end <= start) open.pop();
    const type = node.type;
    if (syntax.assignTypes.has(type)) {
      const scope = open[open.length - 1]?.id ?? root.id;
      const list = pending.get(scope);
      if (list) list.push(node);
      else pending.set(scope, [node]);
    }
    if (syntax.scopes.has(type)) {
      const span = { start, end: node.endIndex, id: node.id, node };
      open.push(span);
      spans.push(span);
    }
  }
  return { spans, pending, bound: new Map() };
}
