/**
 * Shared machinery for parse-based rules: a sink is a call (by last name,
 * optionally by full callee) whose chosen argument must not carry a built or
 * tainted value. Rules keep their sinks in a `Record<Language, Sink[]>`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Severity } from '../../../core/findings.js';
import type { Flow } from '../analysis/flow.js';
import type { Program } from '../analysis/program.js';
import type { Call } from '../analysis/syntax.js';
import type { Language } from '../languages.js';
import type { CodeHit, RuleContext } from '../types.js';

/** One dangerous call shape. */
export interface Sink {
  /** Last callee names (`execute`, `system`); also what gates parsing. */
  names: readonly string[];
  /** Full callee test (`/^os\.system$/`), when the name alone is too loose. */
  callee?: RegExp;
  /** Which argument carries the value: an index, `last`, or a picker. Default 0. */
  arg?: number | 'last' | ((call: Call, program: Program) => Node | undefined);
  /** Extra condition on the call (`shell=True`, `sh -c`). */
  guard?: (call: Call, program: Program) => boolean;
  /** When the value is dangerous; default: built or tainted, and not merely decoded data. */
  risky?: (flow: Flow, call: Call, program: Program) => boolean;
  message: string;
}

/** Sinks per language; an empty list means the rule does not apply there. */
export type SinkTable = Record<Language, readonly Sink[]>;

/** Default danger test: a string assembled from non-constant data, or user input. */
export function builtOrTainted(flow: Flow): boolean {
  return flow.built || flow.tainted;
}

/** Languages a table covers. */
export function sinkLanguages(table: SinkTable): Language[] {
  return (Object.keys(table) as Language[]).filter((l) => table[l].length > 0);
}

/** Names per language, for the parse gate. */
export function sinkNames(table: SinkTable): Partial<Record<Language, readonly string[]>> {
  const out: Partial<Record<Language, readonly string[]>> = {};
  for (const l of sinkLanguages(table)) out[l] = [...new Set(table[l].flatMap((s) => s.names))];
  return out;
}

function pick(sink: Sink, call: Call, program: Program): Node | undefined {
  const a = sink.arg ?? 0;
  if (typeof a === 'function') return a(call, program);
  if (a === 'last') return call.args[call.args.length - 1];
  return call.args[a];
}

const nameSets = new WeakMap<Sink, ReadonlySet<string>>();

function sinkSet(sink: Sink): ReadonlySet<string> {
  let set = nameSets.get(sink);
  if (!set) nameSets.set(sink, (set = new Set(sink.names)));
  return set;
}

/** Run a sink table over the program's calls. */
export function checkSinks(ctx: RuleContext, table: SinkTable, severity: (flow: Flow) => Severity | undefined = defaultSeverity): CodeHit[] {
  const program = ctx.program;
  const sinks = table[ctx.language];
  if (!program || sinks.length === 0) return [];
  const hits: CodeHit[] = [];
  for (const call of program.calls) {
    for (const sink of sinks) {
      if (!sinkSet(sink).has(call.name) || (sink.callee && !sink.callee.test(call.callee))) continue;
      if (sink.guard && !sink.guard(call, program)) continue;
      const value = pick(sink, call, program);
      if (!value) continue;
      const flow = program.flow(value);
      if (!(sink.risky ?? builtOrTainted)(flow, call, program)) continue;
      hits.push({ offset: program.offset(call.node), message: sink.message, severity: severity(flow) });
      break;
    }
  }
  return hits;
}

// User input reaching a sink is worse than a string merely built from a parameter.
function defaultSeverity(flow: Flow): Severity | undefined {
  return flow.tainted ? 'critical' : undefined;
}

/** Arguments that follow a `-c` flag (`sh -c CMD`, `bash -c CMD`, `exec.Command("sh", "-c", cmd)`). */
export function afterDashC(args: readonly Node[]): Node | undefined {
  const i = args.findIndex((a) => /^["'`]?-c["'`]?$/.test(a.text));
  return i === -1 ? undefined : args[i + 1];
}

/** True when a literal names a shell (`sh`, `/bin/bash`, `cmd.exe`). */
export function isShell(node: Node | undefined): boolean {
  return node !== undefined && /^["'`]?(?:\/usr)?(?:\/bin\/)?(?:ba|z|k|da)?sh["'`]?$|^["'`]?cmd(?:\.exe)?["'`]?$/.test(node.text);
}
