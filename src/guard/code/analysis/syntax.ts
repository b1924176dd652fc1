/**
 * What the generic analysis needs to know about one grammar: which node types
 * are calls, assignments, strings and scopes, and which names are sources of
 * user input, sanitisers, string builders and decoders. One adapter per
 * parsed language; `program.ts` and `flow.ts` do the rest.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Grammar } from '../parser/load.js';

/** A call site as the rules see it. */
export interface Call {
  /** Callee as written with whitespace squeezed: `cursor.execute`, `Runtime.getRuntime().exec`, `new File`. */
  callee: string;
  /** Last name of the callee: `execute`, `exec`, `File`. */
  name: string;
  /** Positional arguments in order. */
  args: Node[];
  /** Named arguments (Python keywords, JS/Go option-object keys at top level are not included). */
  kwargs: Map<string, Node>;
  /** The receiver (`cursor` in `cursor.execute(…)`), when there is one. */
  receiver: Node | undefined;
  node: Node;
}

/** A write to a property or attribute (`el.innerHTML = x`, JSX `dangerouslySetInnerHTML`). */
export interface PropertyWrite {
  property: string;
  value: Node;
  node: Node;
}

/** Grammar facts for one language. */
export interface Syntax {
  grammar(text: string): Grammar;
  /** Text the grammar needs before the code (PHP's `<?php` when the snippet omits it). */
  prelude?(text: string): string;
  /**
   * Every call's `name` is written in the code as that very word (no case folding, no `die` for `exit`), so the
   * calls around the parse gate's hits are the only ones a sink can match; otherwise every call is indexed.
   */
  namedCalls?: boolean;
  /** Node types that open a scope for assignments. */
  scopes: ReadonlySet<string>;
  /** Node types `call()` understands. */
  callTypes: ReadonlySet<string>;
  call(node: Node): Call | undefined;
  /** Node types `assigns()` understands. */
  assignTypes: ReadonlySet<string>;
  /** `[name, value]` pairs a node binds; the value node is classified later. */
  assigns(node: Node): Array<[string, Node]>;
  writeTypes: ReadonlySet<string>;
  /** Return statement types (their first named child is the value). */
  returnTypes?: ReadonlySet<string>;
  write?(node: Node): PropertyWrite | undefined;
  /** String literal node types; any child in `interpolations` makes one built. */
  strings: ReadonlySet<string>;
  interpolations: ReadonlySet<string>;
  /** Literal types that are constant (numbers, booleans, null). */
  constants: ReadonlySet<string>;
  identifiers: ReadonlySet<string>;
  /** Member, attribute and subscript types: tainted when their text names a source, else as their object. */
  accesses: ReadonlySet<string>;
  /** Binary expression types and the operators on them that build strings. */
  binaries: ReadonlySet<string>;
  concatOps: ReadonlySet<string>;
  /** Expression types that are code, not data (lambdas): never descended into. */
  opaque: ReadonlySet<string>;
  /** Tested against an expression's text: user-controlled input. */
  sources: RegExp;
  /** Tested against a parameter's declaration text: framework-injected input (`@RequestParam`). */
  taintedParams?: RegExp;
  /** Tested against a callee: results are safe to embed (casts, escapers, basename). */
  sanitizers: RegExp;
  /** Tested against a callee: results are strings built from the arguments. */
  formatters: RegExp;
  /** Tested against a callee: results decode hidden data (base64, hex, char codes). */
  decoders: RegExp;
  /** Identifier name of a node that is an identifier (`$x` → `$x`, bash `$x` → `x`). */
  nameOf?(node: Node): string;
  /** Parameter names and declaration texts of a scope node. */
  params?(scope: Node): Array<[string, string]>;
}

/** Squeeze whitespace so callee text compares reliably across formatting. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Last dotted/arrow name in a callee: `a.b->c::d` → `d`. */
export function lastName(callee: string): string {
  const m = /([A-Za-z_$][\w$]*)\s*$/.exec(callee.replace(/\([^()]*\)\s*$/, ''));
  return m?.[1] ?? callee;
}

/** Named children of `node` as an array. */
export function named(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

/**
 * A call whose callee is the `function` field and whose arguments are the `arguments` field, with no
 * keyword arguments (C, Go): the receiver is the `receiverField` of a callee of type `receiverType`.
 */
export function positionalCall(node: Node, receiverType: string, receiverField: string): Call | undefined {
  const fn = node.childForFieldName('function');
  if (!fn) return undefined;
  const argList = node.childForFieldName('arguments');
  const args = argList ? named(argList).filter((a) => a.type !== 'comment') : [];
  const callee = squeeze(fn.text);
  const receiver = fn.type === receiverType ? (fn.childForFieldName(receiverField) ?? undefined) : undefined;
  return { callee, name: lastName(callee), args, kwargs: new Map(), receiver, node };
}
