/**
 * The substring family: `contains`, `icontains`, `contains-any`,
 * `contains-all`, `icontains-any`, `icontains-all`. They differ only in case
 * folding and in how many of the values must appear, so one factory builds
 * all six descriptors (each still a listed descriptor of its own).
 */
import { z } from 'zod';
import { defineAssertion, outcome, preview } from './define.js';
import type { AssertionType } from './types.js';

const one = z.object({ value: z.union([z.string(), z.number()]).transform(String) });

/** A list, or promptfoo's comma-separated string form (`"a, b, c"`). */
const many = z.object({
  value: z.union([
    z.array(z.union([z.string(), z.number()]).transform(String)).min(1),
    z
      .string()
      .min(1)
      .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0)),
  ]),
});

function substring<T extends AssertionType>(type: T, fold: boolean) {
  return defineAssertion({
    type,
    title: fold ? 'Contains (any case)' : 'Contains',
    description: `The output contains the value${fold ? ', ignoring case' : ''}.`,
    options: one,
    run({ output }, { value }) {
      const hit = fold ? output.toLowerCase().includes(value.toLowerCase()) : output.includes(value);
      return outcome(hit, `${hit ? 'contains' : 'does not contain'} "${preview(value)}"`);
    },
  });
}

function list<T extends AssertionType>(type: T, fold: boolean, mode: 'any' | 'all') {
  return defineAssertion({
    type,
    title: `Contains ${mode}${fold ? ' (any case)' : ''}`,
    description: `The output contains ${mode === 'any' ? 'at least one' : 'every one'} of the values${fold ? ', ignoring case' : ''}.`,
    options: many,
    run({ output }, { value }) {
      const hay = fold ? output.toLowerCase() : output;
      const found = value.filter((v) => hay.includes(fold ? v.toLowerCase() : v));
      if (mode === 'any') return outcome(found.length > 0, found.length > 0 ? `contains "${preview(found[0] as string)}"` : `contains none of ${value.length} values`);
      const missing = value.filter((v) => !found.includes(v));
      // Partial credit keeps the score informative when most values are there.
      return { pass: missing.length === 0, score: found.length / value.length, reason: missing.length === 0 ? `contains all ${value.length} values` : `missing ${missing.map((m) => `"${preview(m, 30)}"`).join(', ')}` };
    },
  });
}

export const containsAssertion = substring('contains', false);
export const icontainsAssertion = substring('icontains', true);
export const containsAnyAssertion = list('contains-any', false, 'any');
export const containsAllAssertion = list('contains-all', false, 'all');
export const icontainsAnyAssertion = list('icontains-any', true, 'any');
export const icontainsAllAssertion = list('icontains-all', true, 'all');
