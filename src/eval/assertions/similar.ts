/**
 * `similar`: the output is close in meaning to the value (cosine similarity
 * ≥ `threshold`, default 0.75). With `provider` naming an embeddings-capable
 * model the vectors are embeddings, as in promptfoo; without one the
 * similarity is lexical (character-trigram cosine), which needs no model and
 * is deterministic but rewards shared wording rather than shared meaning.
 * The reason always says which was used.
 */
import { z } from 'zod';
import { defineAssertion, notEvaluated, preview } from './define.js';
import type { AssertionContext, AssertionOutcome } from './types.js';

function trigrams(s: string): Map<string, number> {
  const t = ` ${s.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  const m = new Map<string, number>();
  for (let i = 0; i + 3 <= t.length; i++) {
    const g = t.slice(i, i + 3);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Cosine similarity of two texts' character-trigram counts, 0..1. */
export function lexicalSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (const [g, c] of x) {
    nx += c * c;
    dot += c * (y.get(g) ?? 0);
  }
  for (const c of y.values()) ny += c * c;
  return nx === 0 || ny === 0 ? (nx === ny ? 1 : 0) : dot / Math.sqrt(nx * ny);
}

/** Cosine similarity of two vectors. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

async function embedded(ctx: AssertionContext, targets: string[], provider: string): Promise<{ best: number; costUsd: number } | string> {
  if (!ctx.graders.embed) return 'no embeddings service is available';
  const r = await ctx.graders.embed([ctx.output, ...targets], provider);
  if (!r.ok) return r.message;
  const [out, ...rest] = r.value.vectors;
  if (!out || rest.length !== targets.length) return 'the embeddings response has the wrong number of vectors';
  return { best: Math.max(...rest.map((v) => cosine(out, v))), costUsd: r.value.costUsd };
}

export const similarAssertion = defineAssertion({
  type: 'similar',
  title: 'Similar',
  description: 'Cosine similarity to the value (or to any of a list) is at least `threshold` (default 0.75): embeddings when `provider` names an embeddings model, lexical trigrams otherwise.',
  options: z.object({
    value: z.union([z.string(), z.array(z.string()).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])),
    threshold: z.number().min(0).max(1).default(0.75),
    provider: z.string().optional(),
  }),
  async run(ctx, { value, threshold, provider }): Promise<AssertionOutcome> {
    let best: number;
    let method = 'lexical trigram similarity';
    let judgeCostUsd: number | undefined;
    if (provider) {
      const r = await embedded(ctx, value, provider);
      if (typeof r === 'string') return notEvaluated(`similar: ${r}`);
      best = r.best;
      judgeCostUsd = r.costUsd;
      method = `embedding similarity (${provider})`;
    } else {
      best = Math.max(...value.map((v) => lexicalSimilarity(ctx.output, v)));
    }
    const pass = best >= threshold;
    const reason = `${method} ${best.toFixed(3)} ${pass ? '≥' : '<'} ${threshold} to "${preview(value[0] as string, 40)}"${value.length > 1 ? ` (best of ${value.length})` : ''}`;
    return { pass, score: Math.max(0, Math.min(1, best)), reason, ...(judgeCostUsd !== undefined ? { judgeCostUsd } : {}) };
  },
});
