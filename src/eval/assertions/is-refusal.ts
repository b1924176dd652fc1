/** `is-refusal`: the output refuses the request (use `not-is-refusal` to require an answer). */
import { z } from 'zod';
import { detectRefusal } from '../../providers/index.js';
import { defineAssertion, outcome, preview } from './define.js';

export const isRefusalAssertion = defineAssertion({
  type: 'is-refusal',
  title: 'Refusal',
  description: 'The output declines the request (English and Chinese refusal phrasing, weighted toward the opening). An empty output counts as a refusal.',
  options: z.object({}),
  run({ output }) {
    if (output.trim() === '') return outcome(true, 'the output is empty');
    const v = detectRefusal(output);
    return outcome(v.refused, v.refused ? `refuses ("${preview(v.matched ?? '', 40)}")` : 'answers without refusing');
  },
});
