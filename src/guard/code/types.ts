/**
 * The shape of a code rule and the context it checks. A rule is one
 * descriptor (`defineCodeRule`) that returns hits as values; the scanner turns
 * hits into `Finding`s with line, column and evidence.
 */
import type { RuleDescriptor, Severity } from '../../core/findings.js';
import type { Language } from './languages.js';
import type { Source } from './source/source.js';
import type { Program } from './analysis/program.js';

/** One thing a rule noticed, at a UTF-16 offset into the scanned code. */
export interface CodeHit {
  offset: number;
  message: string;
  /** Overrides the rule's default severity (e.g. tainted input is worse than a built string). */
  severity?: Severity;
  /** Overrides the evidence line (the secrets rule masks the value it found). */
  evidence?: string;
}

/** What a rule sees: the text views and, where a grammar exists and a sink appears, the parsed program. */
export interface RuleContext {
  language: Language;
  source: Source;
  /** Calls, writes and expression classification; undefined when nothing was parsed. */
  program: Program | undefined;
}

/**
 * What a use of a sink name must look like for a rule to fire, so the parse
 * gate can skip the others lexically: a call (with `callee`, a call whose
 * dotted callee as written passes it), or with `near`, any use where `near`
 * matches starting at the name (`request.args`).
 */
export interface SinkShape {
  names: readonly string[];
  callee?: RegExp;
  near?: RegExp;
}

/** A code rule: static description plus a pure `check`. */
export interface CodeRule extends RuleDescriptor {
  id: `code/${string}`;
  cwe: readonly number[];
  languages: readonly Language[];
  /** Call or property names per language that make this rule need the parse tree (a cheap regex gates parsing). */
  sinks?: Partial<Record<Language, readonly string[]>>;
  /** Shapes of those names' uses per language; a name without a shape counts wherever it occurs. */
  sinkShapes?: Partial<Record<Language, readonly SinkShape[]>>;
  check(ctx: RuleContext): CodeHit[];
}

/** Declare a code rule; typed identity keeps descriptors uniform. */
export function defineCodeRule<const R extends CodeRule>(rule: R): R {
  return rule;
}
