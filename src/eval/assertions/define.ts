/** `defineAssertion`: the one way an assertion is declared. */
import type { AssertionDescriptor, AssertionOutcome, AssertionType } from './types.js';

/**
 * Declare an assertion. The identity function exists so each file states
 * its options type once and `run` is checked against it.
 * @example
 * export const startsWith = defineAssertion({
 *   type: 'starts-with', title: 'Starts with', description: 'The output begins with the value.',
 *   options: z.object({ value: z.string() }),
 *   run: ({ output }, { value }) => outcome(output.startsWith(value), `starts with "${value}"`),
 * });
 */
export function defineAssertion<O, T extends AssertionType>(
  d: Omit<AssertionDescriptor<O>, 'templatedValue' | 'type'> & { type: T; templatedValue?: boolean },
): AssertionDescriptor<O> & { type: T } {
  return { ...d, templatedValue: d.templatedValue ?? true };
}

/** A pass/fail outcome with score 1 or 0; `what` says what was checked (negation wording is added by the evaluator). */
export function outcome(pass: boolean, reason: string): AssertionOutcome {
  return { pass, score: pass ? 1 : 0, reason };
}

/** An assertion that could not be evaluated. */
export function notEvaluated(reason: string): AssertionOutcome {
  return { pass: false, score: 0, reason, error: true };
}

/** Shorten a value for a reason line. */
export function preview(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
