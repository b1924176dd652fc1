/** Signal 2: direct cosine of tensors whose shapes match, on a sample grid fixed by shape. */
import type { ModelFingerprint } from '../types.js';
import { cosine, mean, median, round } from './stats.js';
import type { SignalResult } from './types.js';

/** Per-tensor and per-layer cosines; the headline is the median over matrices (norm vectors excluded). */
export function tensorCosineSignal(a: ModelFingerprint, b: ModelFingerprint): SignalResult {
  const byName = new Map(b.tensors.map((t) => [t.name, t]));
  const perTensor: { name: string; cosine: number | null }[] = [];
  const matrices: number[] = [];
  const layers = new Map<number, number[]>();
  for (const t of a.tensors) {
    const u = byName.get(t.name);
    if (!u || u.shape[0] !== t.shape[0] || u.shape[1] !== t.shape[1]) continue;
    const c = cosine(t.samples, u.samples);
    perTensor.push({ name: t.name, cosine: round(c, 6) });
    // Norm weights start at one in every model, so they say nothing about lineage.
    if (t.shape[0] === 1) continue;
    matrices.push(c);
    if (t.layer !== undefined) layers.set(t.layer, [...(layers.get(t.layer) ?? []), c]);
  }
  if (matrices.length === 0) return { id: 'tensorCosine', value: null, note: 'no weight matrix has the same name and shape in both models', details: { matched: 0, perTensor } };
  const perLayer = [...layers.entries()].sort((x, y) => x[0] - y[0]).map(([layer, cs]) => ({ layer, cosine: round(mean(cs), 6) }));
  return {
    id: 'tensorCosine',
    value: round(median(matrices), 6),
    details: { matched: matrices.length, of: Math.max(a.tensors.length, b.tensors.length), min: round(Math.min(...matrices), 6), max: round(Math.max(...matrices), 6), perLayer, perTensor },
  };
}
