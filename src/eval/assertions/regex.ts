/** `regex`: the output matches a regular expression. */
import { z } from 'zod';
import { defineAssertion, outcome, notEvaluated, preview } from './define.js';

// Values are often templated per case, so compiled patterns are kept by source (bounded).
const compiled = new Map<string, RegExp | string>();

function compile(source: string, flags: string): RegExp | string {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (re === undefined) {
    try {
      re = new RegExp(source, flags);
    } catch (e) {
      re = (e as Error).message;
    }
    if (compiled.size > 1000) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}

export const regexAssertion = defineAssertion({
  type: 'regex',
  title: 'Regular expression',
  description: 'The output matches the pattern (JavaScript syntax; `config.flags` such as "i" or "m").',
  options: z.object({
    value: z.string().min(1),
    config: z.object({ flags: z.string().regex(/^[dgimsuvy]*$/).optional() }).loose().optional(),
  }),
  run({ output }, { value, config }) {
    const re = compile(value, (config?.flags ?? '').replace(/[gy]/g, ''));
    if (typeof re === 'string') return notEvaluated(`invalid regular expression /${preview(value)}/: ${re}`);
    const hit = re.test(output);
    return outcome(hit, `${hit ? 'matches' : 'does not match'} /${preview(value)}/`);
  },
});
