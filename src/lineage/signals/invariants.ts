/**
 * Signal 4a: HuRef-style invariant terms. Each layer's products of attention
 * and MLP matrices over fixed probe-token embeddings are unchanged by
 * permuting heads, MLP units or hidden dimensions, and drift slowly under
 * training; the value is their mean cosine across layers and terms.
 */
import type { LayerInvariants, ModelFingerprint } from '../types.js';
import { cosine, mean, round } from './stats.js';
import type { SignalResult } from './types.js';

/** Pairs of probe positions that name the same token in both models. */
export function probePairs(a: ModelFingerprint, b: ModelFingerprint): [number, number][] {
  const byString = a.probeKeys.every((k) => !k.startsWith('#')) && b.probeKeys.every((k) => !k.startsWith('#'));
  const keysB = byString ? b.probeKeys : b.probeIds.map(String);
  const keysA = byString ? a.probeKeys : a.probeIds.map(String);
  const pos = new Map(keysB.map((k, i) => [k, i]));
  return keysA.flatMap((k, i): [number, number][] => (pos.has(k) ? [[i, pos.get(k) as number]] : []));
}

function restrict(m: Float32Array, n: number, idx: readonly number[]): Float64Array {
  const out = new Float64Array(idx.length * idx.length);
  idx.forEach((t, i) => idx.forEach((u, j) => (out[i * idx.length + j] = m[t * n + u] as number)));
  return out;
}

/** Layer of `b` at the same relative depth as layer `l` of `a`. */
function matchLayer(l: number, a: ModelFingerprint, b: ModelFingerprint, lb: readonly LayerInvariants[]): LayerInvariants | undefined {
  const target = a.layers > 1 ? (l / (a.layers - 1)) * (b.layers - 1) : 0;
  let best: LayerInvariants | undefined;
  for (const x of lb) if (!best || Math.abs(x.layer - target) < Math.abs(best.layer - target)) best = x;
  return best && Math.abs(best.layer - target) <= 0.5 ? best : undefined;
}

/** Compare invariant terms layer by layer. */
export function invariantsSignal(a: ModelFingerprint, b: ModelFingerprint): SignalResult {
  const pairs = probePairs(a, b);
  if (pairs.length < 8) return { id: 'invariants', value: null, note: `only ${pairs.length} probe tokens are shared; the terms are not comparable`, details: { sharedProbes: pairs.length } };
  const ia = pairs.map((p) => p[0]);
  const ib = pairs.map((p) => p[1]);
  const na = a.probeKeys.length;
  const nb = b.probeKeys.length;
  const perLayer: Record<string, number | null>[] = [];
  const all: number[] = [];
  for (const la of a.invariants) {
    const lb = matchLayer(la.layer, a, b, b.invariants);
    if (!lb) continue;
    const row: Record<string, number | null> = { layer: la.layer, layerB: lb.layer };
    for (const term of ['qk', 'vo', 'updown', 'gatedown'] as const) {
      const c = cosine(restrict(la.terms[term], na, ia), restrict(lb.terms[term], nb, ib));
      row[term] = round(c);
      all.push(c);
    }
    perLayer.push(row);
  }
  if (all.length === 0) return { id: 'invariants', value: null, note: 'no layer has invariant terms in both models', details: { sharedProbes: pairs.length } };
  return { id: 'invariants', value: round(mean(all)), details: { sharedProbes: pairs.length, perLayer } };
}
