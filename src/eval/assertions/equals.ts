/** `equals`: the output is exactly the value (or, for an object value, the output's JSON equals it). */
import { z } from 'zod';
import { defineAssertion, outcome, preview } from './define.js';
import { canonicalJson } from './json-text.js';

export const equalsAssertion = defineAssertion({
  type: 'equals',
  title: 'Equals',
  description: 'The output is exactly the value. An object or array value compares with the output parsed as JSON, ignoring key order.',
  options: z.object({ value: z.union([z.string(), z.number(), z.boolean(), z.record(z.string(), z.unknown()), z.array(z.unknown())]) }),
  run({ output }, { value }) {
    if (typeof value === 'object') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(output);
      } catch {
        return outcome(false, 'output is not JSON, so it cannot equal the expected object');
      }
      return outcome(canonicalJson(parsed) === canonicalJson(value), `output JSON ${canonicalJson(parsed) === canonicalJson(value) ? 'equals' : 'differs from'} the expected value`);
    }
    const expected = String(value);
    return outcome(output === expected, output === expected ? `output equals "${preview(expected)}"` : `expected "${preview(expected)}", got "${preview(output)}"`);
  },
});
