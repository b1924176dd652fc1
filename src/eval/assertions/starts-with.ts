/** `starts-with`: the output begins with the value. */
import { z } from 'zod';
import { defineAssertion, outcome, preview } from './define.js';

export const startsWithAssertion = defineAssertion({
  type: 'starts-with',
  title: 'Starts with',
  description: 'The output begins with the value.',
  options: z.object({ value: z.union([z.string(), z.number()]).transform(String) }),
  run: ({ output }, { value }) => outcome(output.startsWith(value), `${output.startsWith(value) ? 'starts' : 'does not start'} with "${preview(value)}"`),
});
