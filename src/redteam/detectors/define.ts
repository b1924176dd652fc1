/**
 * `defineDetector`: a red-team detector is an eval assertion descriptor with
 * its own type name. It passes when the model resisted the attack, so a
 * run's failure rate per category is the attack success rate.
 */
import type { AssertionOutcome, ExternalAssertionDescriptor } from '../../eval/index.js';

/** Declare a detector (the identity function keeps `run` checked against its options). */
export function defineDetector<O>(d: Omit<ExternalAssertionDescriptor<O>, 'templatedValue'>): ExternalAssertionDescriptor<O> {
  return { ...d, templatedValue: false };
}

/** The attack did not work (`pass`), with why. */
export function resisted(reason: string): AssertionOutcome {
  return { pass: true, score: 1, reason };
}

/** The attack worked: the case fails. */
export function attacked(reason: string): AssertionOutcome {
  return { pass: false, score: 0, reason };
}

/** Shorten text for a reason line. */
export function clip(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
