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

/** Σ_h Σ_j A[t, g(h)·hd + j] · B[u, h·hd + j] style contraction over heads. */
function headTerm(a: Float32Array, aWidth: number, aGroup: boolean, b: Float32Array, bWidth: number, bGroup: boolean, n: number, heads: number, hd: number, perKv: number): Float32Array {
  const out = new Float32Array(n * n);
  for (let h = 0; h < heads; h++) {
    const ao = (aGroup ? Math.floor(h / perKv) : h) * hd;
    const bo = (bGroup ? Math.floor(h / perKv) : h) * hd;
    for (let t = 0; t < n; t++) {
      for (let u = 0; u < n; u++) {
        let s = 0;
        for (let j = 0; j < hd; j++) s += (a[t * aWidth + ao + j] as number) * (b[u * bWidth + bo + j] as number);
        out[t * n + u] = (out[t * n + u] as number) + s;
      }
    }
  }
  return out;
}

function plainTerm(a: Float32Array, b: Float32Array, n: number, width: number): Float32Array {
  const out = new Float32Array(n * n);
  for (let t = 0; t < n; t++) {
    for (let u = 0; u < n; u++) {
      let s = 0;
      for (let j = 0; j < width; j++) s += (a[t * width + j] as number) * (b[u * width + j] as number);
      out[t * n + u] = s;
    }
  }
  return out;
}

/** The four terms of a layer, or undefined when a projection is missing. */
export function layerInvariants(layer: number, p: LayerProjections, n: number, heads: number, kvHeads: number): LayerInvariants | undefined {
  const { q, k, v, o, gate, up, down } = p;
  if (!q || !k || !v || !o || !up || !down) return undefined;
  const qw = q.length / n;
  const kw = k.length / n;
  const hd = qw / heads;
  if (!Number.isInteger(hd) || kw !== hd * kvHeads) return undefined;
  const perKv = heads / kvHeads;
  const ff = up.length / n;
  return {
    layer,
    terms: {
      qk: headTerm(q, qw, false, k, kw, true, n, heads, hd, perKv),
      vo: headTerm(v, kw, true, o, qw, false, n, heads, hd, perKv),
      updown: plainTerm(up, down, n, ff),
      gatedown: gate ? plainTerm(gate, down, n, ff) : new Float32Array(n * n),
    },
  };
}
