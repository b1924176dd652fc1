/** Turn the per-tensor results of a fingerprint pass into tensor prints and invariant terms (unit features are written in place by the jobs). */
import type { TensorJobResult } from '../kernels/tensor-job.js';
import type { LayerInvariants, ModelTensor, TensorPrint } from '../types.js';
import { layerInvariants, type Gram, type LayerProjections } from './invariant-terms.js';

const moments = (r: TensorJobResult) => {
  const mean = r.count ? r.sum / r.count : 0;
  return { mean, std: Math.sqrt(Math.max(0, r.count ? r.sumSq / r.count - mean * mean : 0)) };
};

const PROJECTED = new Set(['q', 'k', 'v', 'o', 'gate', 'up', 'down']);

/** Tensor prints and invariant terms from results in tensor order. */
export function assemble(tensors: readonly ModelTensor[], results: readonly TensorJobResult[], n: number, heads: number, kvHeads: number, gram: Gram): { prints: TensorPrint[]; invariants: LayerInvariants[] } {
  const prints: TensorPrint[] = [];
  const proj = new Map<number, LayerProjections>();
  tensors.forEach((t, i) => {
    const r = results[i] as TensorJobResult;
    prints.push({ name: t.name, role: t.role, ...(t.layer !== undefined ? { layer: t.layer } : {}), shape: t.shape, ...moments(r), samples: r.samples });
    if (t.layer === undefined) return;
    if (r.projection && PROJECTED.has(t.role)) proj.set(t.layer, { ...proj.get(t.layer), [t.role]: r.projection });
  });
  const invariants = [...proj.entries()].map(([l, p]) => layerInvariants(l, p, n, heads, kvHeads, gram)).filter((x): x is LayerInvariants => x !== undefined);
  return { prints, invariants: invariants.sort((a, b) => a.layer - b.layer) };
}
