/**
 * From a suite's assertion entry to a compiled assertion: the type is
 * looked up once (with promptfoo's `not-` prefix), the options are checked by
 * the descriptor's schema, and a templated value is compiled so each case
 * only renders it. Problems come back as issues with paths, never thrown.
 */
import { compileTemplate, type Template } from '../suite/template.js';
import { assertions, isAssertionType } from './index.js';
import { boundedLevenshtein } from './levenshtein.js';
import type { AssertionDescriptor, AssertionFields, AssertionType, ExternalAssertionDescriptor } from './types.js';

/** An assertion entry as written in a suite (promptfoo's shape). */
export interface AssertionSpec extends AssertionFields {
  type: string;
  weight?: number;
  metric?: string;
}

/** A problem with an entry; `path` is relative to the entry. */
export interface CompileIssue {
  path: (string | number)[];
  message: string;
}

/** An assertion ready to run on many outputs. */
export interface CompiledAssertion {
  /** As written, e.g. `not-contains`. */
  type: string;
  /** The built-in type, or an external descriptor's own type name. */
  base: AssertionType | (string & {});
  negate: boolean;
  weight: number;
  metric?: string;
  descriptor: AssertionDescriptor<unknown> | ExternalAssertionDescriptor<unknown>;
  /** Parsed options when the value needs no per-case rendering. */
  options?: unknown;
  /** The fields and value template when it does. */
  templated?: { fields: AssertionFields; value: Template };
}

/** Split `not-contains` into its base type and negation; undefined when unknown. */
export function parseAssertionType(type: string): { base: AssertionType; negate: boolean } | undefined {
  if (isAssertionType(type)) return { base: type, negate: false };
  if (type.startsWith('not-') && isAssertionType(type.slice(4))) return { base: type.slice(4) as AssertionType, negate: true };
  return undefined;
}

function suggestion(type: string): string {
  const bare = type.startsWith('not-') ? type.slice(4) : type;
  const near = Object.keys(assertions).find((t) => boundedLevenshtein(bare, t, 2) <= 2);
  return near ? ` (did you mean "${type.startsWith('not-') ? 'not-' : ''}${near}"?)` : '';
}

/** Compile one entry; `defaults` fills the judge and rubric prompt from the test's options. */
export function compileAssertion(
  spec: AssertionSpec,
  defaults: { provider?: string; rubricPrompt?: string } = {},
): { ok: true; assertion: CompiledAssertion } | { ok: false; issues: CompileIssue[] } {
  const parsed = parseAssertionType(spec.type);
  if (!parsed) return { ok: false, issues: [{ path: ['type'], message: `unknown assertion "${spec.type}"${suggestion(spec.type)}` }] };
  const descriptor = assertions[parsed.base] as AssertionDescriptor<unknown>;
  const fields: AssertionFields = {};
  if (spec.value !== undefined) fields.value = spec.value;
  if (spec.threshold !== undefined) fields.threshold = spec.threshold;
  if (spec.config !== undefined) fields.config = spec.config;
  // The test's judge applies to model-graded assertions only: `similar` with a provider means embeddings.
  const graded = parsed.base === 'llm-rubric';
  const provider = spec.provider ?? (graded ? defaults.provider : undefined);
  if (provider !== undefined) fields.provider = provider;
  const rubricPrompt = spec.rubricPrompt ?? (graded ? defaults.rubricPrompt : undefined);
  if (rubricPrompt !== undefined) fields.rubricPrompt = rubricPrompt;
  const base = { type: spec.type, base: parsed.base, negate: parsed.negate, weight: spec.weight ?? 1, ...(spec.metric ? { metric: spec.metric } : {}), descriptor };
  if (descriptor.templatedValue && typeof spec.value === 'string' && spec.value.includes('{{')) {
    const t = compileTemplate(spec.value);
    if (!t.ok) return { ok: false, issues: [{ path: ['value'], message: t.message }] };
    return { ok: true, assertion: { ...base, templated: { fields, value: t.template } } };
  }
  const r = descriptor.options.safeParse(fields);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
    return { ok: false, issues };
  }
  return { ok: true, assertion: { ...base, options: r.data } };
}
