// Assertions: one descriptor per type, listed here; docs and CLI listings read this table.
import { codeSafeAssertion } from './code-safe.js';
import {
  containsAllAssertion,
  containsAnyAssertion,
  containsAssertion,
  icontainsAllAssertion,
  icontainsAnyAssertion,
  icontainsAssertion,
} from './contains.js';
import { costAssertion } from './cost.js';
import { equalsAssertion } from './equals.js';
import { isRefusalAssertion } from './is-refusal.js';
import { containsJsonAssertion, isJsonAssertion } from './is-json.js';
import { javascriptAssertion } from './javascript.js';
import { latencyAssertion } from './latency.js';
import { levenshteinAssertion } from './levenshtein.js';
import { llmRubricAssertion } from './llm-rubric.js';
import { regexAssertion } from './regex.js';
import { similarAssertion } from './similar.js';
import { startsWithAssertion } from './starts-with.js';
import type { AssertionDescriptor, AssertionType } from './types.js';

/**
 * Every assertion by type. `satisfies Record<AssertionType, …>` makes a type
 * in ASSERTION_TYPES without a descriptor (or the reverse) fail `tsc`.
 */
export const assertions = {
  equals: equalsAssertion,
  contains: containsAssertion,
  icontains: icontainsAssertion,
  'contains-any': containsAnyAssertion,
  'contains-all': containsAllAssertion,
  'icontains-any': icontainsAnyAssertion,
  'icontains-all': icontainsAllAssertion,
  'starts-with': startsWithAssertion,
  regex: regexAssertion,
  'is-json': isJsonAssertion,
  'contains-json': containsJsonAssertion,
  javascript: javascriptAssertion,
  levenshtein: levenshteinAssertion,
  similar: similarAssertion,
  latency: latencyAssertion,
  cost: costAssertion,
  'is-refusal': isRefusalAssertion,
  'llm-rubric': llmRubricAssertion,
  'code-safe': codeSafeAssertion,
} as const satisfies { [K in AssertionType]: AssertionDescriptor<unknown> & { type: K } };

/** True when `type` names a built-in assertion. */
export function isAssertionType(type: string): type is AssertionType {
  return Object.hasOwn(assertions, type);
}

export { ASSERTION_TYPES } from './types.js';
export type { AssertionType, AssertionDescriptor, ExternalAssertionDescriptor, AssertionOutcome, AssertionContext, AssertionFields, CodeScanner, GraderServices, GraderReply } from './types.js';
export { defineAssertion, outcome, notEvaluated } from './define.js';
export { registerCodeScanner } from './code-safe.js';
