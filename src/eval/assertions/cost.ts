/** `cost`: the call cost at most `threshold` USD; fails to evaluate when no price is known. */
import { z } from 'zod';
import { defineAssertion, notEvaluated, outcome } from './define.js';

function usd(n: number): string {
  return `$${n < 0.01 ? n.toPrecision(3) : n.toFixed(4)}`;
}

export const costAssertion = defineAssertion({
  type: 'cost',
  title: 'Cost limit',
  description: 'The model call cost at most `threshold` USD. Without a known price (pricing in modelgate.yaml or the default table) the assertion cannot be evaluated.',
  options: z.object({ threshold: z.number().nonnegative() }),
  run({ costUsd, costKnown, model }, { threshold }) {
    if (!costKnown) return notEvaluated(`no price is known for ${model}; add pricing to its provider in modelgate.yaml`);
    return outcome(costUsd <= threshold, `cost ${usd(costUsd)} ${costUsd <= threshold ? '≤' : '>'} ${usd(threshold)}`);
  },
});
