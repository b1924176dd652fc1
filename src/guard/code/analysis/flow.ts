/**
 * Where an expression's value comes from, inside one function: constant,
 * built from non-constant pieces (concatenation, interpolation, format),
 * tainted by user input, or decoded from hidden data. Variables resolve
 * through the assignments of their scope and the scopes around it, so
 * `q = "…" + name; cur.execute(q)` reads as built.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { named, type Syntax } from './syntax.js';

/** What an expression is made of. */
export interface Flow {
  /** Every piece is a literal (or a sanitised value). */
  constant: boolean;
  /** A string assembled from at least one non-constant piece. */
  built: boolean;
  /** Some piece comes from user input. */
  tainted: boolean;
  /** Some piece passed through a decoder (base64, hex, char codes). */
  decoded: boolean;
  /** Literal string pieces seen along the way (capped), for "looks like SQL/HTML" checks. */
  literals: string[];
}

const CONST: Flow = { constant: true, built: false, tainted: false, decoded: false, literals: [] };
const UNKNOWN: Flow = { constant: false, built: false, tainted: false, decoded: false, literals: [] };
const TAINTED: Flow = { ...UNKNOWN, tainted: true };
const MAX_LITERALS = 24;
const MAX_DEPTH = 48;

/** Scope lookups the classifier needs from the program. */
export interface Bindings {
  /** Values bound to `name` in the scope of `at` or the scopes around it. */
  valuesOf(name: string, at: Node): Node[];
  /** True when `name` is a parameter of the scope around `at` whose declaration marks it as input. */
  isTaintedParam(name: string, at: Node): boolean;
}

/** Union of flows; `constant` only if all are. */
export function join(flows: readonly Flow[]): Flow {
  if (flows.length === 0) return CONST;
  const literals: string[] = [];
  for (const f of flows) for (const l of f.literals) if (literals.length < MAX_LITERALS) literals.push(l);
  return {
    constant: flows.every((f) => f.constant),
    built: flows.some((f) => f.built),
    tainted: flows.some((f) => f.tainted),
    decoded: flows.some((f) => f.decoded),
    literals,
  };
}

/** Build a memoising classifier for one parsed program. */
export function createClassifier(syntax: Syntax, bindings: Bindings, callOf: (n: Node) => ReturnType<Syntax['call']>) {
  const memo = new Map<number, Flow>();
  const active = new Set<number>();

  function classify(node: Node, depth = 0): Flow {
    const hit = memo.get(node.id);
    if (hit) return hit;
    // A variable that refers to itself (`q += x`) contributes nothing new on the second visit.
    if (active.has(node.id) || depth > MAX_DEPTH) return CONST;
    active.add(node.id);
    const flow = compute(node, depth + 1);
    active.delete(node.id);
    memo.set(node.id, flow);
    return flow;
  }

  function compute(node: Node, depth: number): Flow {
    const t = node.type;
    if (syntax.strings.has(t)) return stringFlow(node, depth);
    if (syntax.constants.has(t)) return CONST;
    if (syntax.opaque.has(t)) return UNKNOWN;
    if (syntax.identifiers.has(t)) return identifierFlow(node, depth);
    if (syntax.accesses.has(t)) return accessFlow(node, depth);
    if (syntax.callTypes.has(t)) return callFlow(node, depth);
    if (syntax.binaries.has(t)) return binaryFlow(node, depth);
    const kids = named(node);
    if (kids.length === 0) return t === 'ERROR' ? UNKNOWN : CONST;
    return join(kids.map((k) => classify(k, depth)));
  }

  function stringFlow(node: Node, depth: number): Flow {
    const parts = named(node).filter((k) => syntax.interpolations.has(k.type));
    if (parts.length === 0) return { ...CONST, literals: [node.text] };
    const inner = join(parts.map((p) => classify(p, depth)));
    return { ...inner, constant: inner.constant, built: inner.built || !inner.constant, literals: [node.text, ...inner.literals] };
  }

  function accessFlow(node: Node, depth: number): Flow {
    if (syntax.sources.test(node.text)) return TAINTED;
    // `data['q']`, `form.name`: the object decides; the key or field name is not data.
    const object = node.namedChild(0);
    return object ? { ...classify(object, depth), constant: false } : UNKNOWN;
  }

  function identifierFlow(node: Node, depth: number): Flow {
    if (syntax.sources.test(node.text)) return TAINTED;
    const name = syntax.nameOf ? syntax.nameOf(node) : node.text;
    const values = bindings.valuesOf(name, node);
    if (values.length > 0) return join(values.map((v) => classify(v, depth)));
    return bindings.isTaintedParam(name, node) ? TAINTED : UNKNOWN;
  }

  function callFlow(node: Node, depth: number): Flow {
    const call = callOf(node);
    if (!call) return UNKNOWN;
    if (syntax.sanitizers.test(call.callee)) return CONST;
    if (syntax.sources.test(call.callee)) return TAINTED;
    const parts = [...call.args, ...call.kwargs.values(), ...(call.receiver ? [call.receiver] : [])];
    const inner = join(parts.map((p) => classify(p, depth)));
    if (syntax.decoders.test(call.callee) || isBufferDecode(call.callee, call.args)) {
      return { ...inner, constant: false, decoded: true };
    }
    if (syntax.formatters.test(call.callee)) return { ...inner, built: inner.built || !inner.constant };
    // An unknown function: its result is not constant, but taint, decoding and built strings flow through
    // it (`execute(text(f"…"))`, `os.path.join(base, name)`).
    return { ...inner, constant: false };
  }

  function binaryFlow(node: Node, depth: number): Flow {
    const op = node.childForFieldName('operator')?.text ?? node.child(1)?.text ?? '';
    const kids = named(node).filter((k) => k.type !== 'comment');
    const inner = join(kids.map((k) => classify(k, depth)));
    if (!syntax.concatOps.has(op)) return { ...inner, built: false };
    return { ...inner, built: inner.built || !inner.constant };
  }

  return classify;
}

// `Buffer.from(s, 'base64')` decodes only because of its second argument.
function isBufferDecode(callee: string, args: readonly Node[]): boolean {
  return /Buffer\.from$/.test(callee) && args.length > 1 && /^['"`](base64|hex|base64url)['"`]$/.test(args[1]?.text ?? '');
}
