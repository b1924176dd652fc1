/** `levenshtein`: the output is within `threshold` edits (default 5) of the value. */
import { z } from 'zod';
import { defineAssertion, preview } from './define.js';

/**
 * Edit distance, computed only within `max` of the diagonal: anything
 * farther cannot be within `max`, so long outputs cost O(n * max) and the
 * answer beyond `max` is reported as `max + 1`.
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const inf = max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= max ? j : inf;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    cur.fill(inf);
    cur[0] = i <= max ? i : inf;
    let rowMin = cur[0] as number;
    for (let j = lo; j <= hi; j++) {
      const sub = (prev[j - 1] as number) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1, inf);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return inf;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length] as number, inf);
}

export const levenshteinAssertion = defineAssertion({
  type: 'levenshtein',
  title: 'Levenshtein distance',
  description: 'The output is at most `threshold` single-character edits (default 5) away from the value.',
  options: z.object({ value: z.union([z.string(), z.number()]).transform(String), threshold: z.number().int().nonnegative().default(5) }),
  run({ output }, { value, threshold }) {
    const d = boundedLevenshtein(output, value, threshold);
    const pass = d <= threshold;
    return { pass, score: pass ? 1 : 0, reason: `edit distance to "${preview(value, 40)}" is ${pass ? d : `more than ${threshold}`} (max ${threshold})` };
  },
});
