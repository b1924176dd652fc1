/**
 * HuRef-style invariant terms of one layer over probe tokens X (n × hidden):
 * X·Wqᵀ·Wk·Xᵀ, X·Wvᵀ·Woᵀ·Xᵀ (summed over heads, grouped-query aware) and
 * X·Wupᵀ·Wdownᵀ·Xᵀ, X·Wgateᵀ·Wdownᵀ·Xᵀ. Permuting heads, MLP units or the
 * hidden dimension (with the embeddings) leaves each term unchanged, and
 * training moves them slowly, so they survive what defeats direct cosine.
 */
import type { LayerInvariants } from '../types.js';

/** Projections of one layer: 'in' roles are n × out, 'out' roles are n × in. */
export type LayerProjections = Partial<Record<'q' | 'k' | 'v' | 'o' | 'gate' | 'up' | 'down', Float32Array>>;

/** `a · bᵀ` for two n × width row-major matrices: the n × n matrix of row dot products. */
export type Gram = (a: Float32Array, b: Float32Array, n: number, width: number) => Float32Array;

/** The plain JavaScript Gram product (f64 sums). */
export const jsGram: Gram = (a, b, n, width) => {
  const out = new Float32Array(n * n);
  for (let t = 0; t < n; t++) {
    for (let u = 0; u < n; u++) {
      let s = 0;
      for (let j = 0; j < width; j++) s += (a[t * width + j] as number) * (b[u * width + j] as number);
      out[t * n + u] = s;
    }
  }
  return out;
};

/** Widen a grouped-query projection (kvHeads × hd per token) to one slice per query head, so head sums become one dot product. */
export function expandHeads(a: Float32Array, n: number, heads: number, kvHeads: number, hd: number): Float32Array {
  if (heads === kvHeads) return a;
  const perKv = heads / kvHeads;
  const out = new Float32Array(n * heads * hd);
  for (let t = 0; t < n; t++) {
    for (let h = 0; h < heads; h++) out.set(a.subarray((t * kvHeads + Math.floor(h / perKv)) * hd, (t * kvHeads + Math.floor(h / perKv) + 1) * hd), (t * heads + h) * hd);
  }
  return out;
}

/** The four terms of a layer, or undefined when a projection is missing. */
export function layerInvariants(layer: number, p: LayerProjections, n: number, heads: number, kvHeads: number, gram: Gram = jsGram): LayerInvariants | undefined {
  const { q, k, v, o, gate, up, down } = p;
  if (!q || !k || !v || !o || !up || !down) return undefined;
  const qw = q.length / n;
  const kw = k.length / n;
  const hd = qw / heads;
  if (!Number.isInteger(hd) || kw !== hd * kvHeads) return undefined;
  if (!Number.isInteger(heads / kvHeads)) return undefined;
  const ff = up.length / n;
  return {
    layer,
    terms: {
      qk: gram(q, expandHeads(k, n, heads, kvHeads, hd), n, qw),
      vo: gram(expandHeads(v, n, heads, kvHeads, hd), o, n, qw),
      updown: gram(up, down, n, ff),
      gatedown: gate ? gram(gate, down, n, ff) : new Float32Array(n * n),
    },
  };
}
