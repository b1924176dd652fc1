/**
 * Signal 4b: align MLP units, then test the alignment. A fixed set of units
 * of `a` is matched to units of `b` by linear assignment on half of each
 * unit's feature columns; the match is then scored on the other half
 * (held-out correlation) and by linear CKA. Matches between unrelated
 * models are chance alignments that do not carry over to held-out columns,
 * so their score stays near zero however many units there are; permuted and
 * trained copies keep their units' identity and score high.
 */
import type { LayerUnits, ModelFingerprint } from '../types.js';
import { assign } from './assignment.js';
import { linearCka } from './cka.js';
import { spread } from '../fingerprint/plan.js';
import { mean, round, standardize } from './stats.js';
import type { SignalResult } from './types.js';

/** Query units per layer (the assignment is O(query² · units)). */
const QUERY_UNITS = 64;

function half(l: LayerUnits, unit: number, parity: 0 | 1): Float64Array {
  const row = l.features.subarray(unit * l.width, (unit + 1) * l.width);
  return standardize(row.filter((_, i) => i % 2 === parity));
}

/** Match, then score, one layer. */
export function alignLayer(la: LayerUnits, lb: LayerUnits): { matched: number; heldOut: number; cka: number } {
  const query = spread(la.units, Math.min(QUERY_UNITS, la.units, lb.units));
  const k = query.length;
  const qa = query.map((u) => half(la, u, 0));
  const bm = Array.from({ length: lb.units }, (_, u) => half(lb, u, 0));
  const cost = new Float64Array(k * lb.units);
  for (let i = 0; i < k; i++) {
    const x = qa[i] as Float64Array;
    for (let j = 0; j < lb.units; j++) {
      const y = bm[j] as Float64Array;
      let s = 0;
      for (let c = 0; c < x.length; c++) s += (x[c] as number) * (y[c] as number);
      cost[i * lb.units + j] = -s;
    }
  }
  const match = assign(cost, k, lb.units);
  const w = Math.floor(la.width / 2);
  const xa = new Float64Array(k * w);
  const xb = new Float64Array(k * w);
  const matched: number[] = [];
  const held: number[] = [];
  query.forEach((u, i) => {
    const j = match[i] as number;
    matched.push(-(cost[i * lb.units + j] as number));
    const ta = half(la, u, 1);
    const tb = half(lb, j, 1);
    let s = 0;
    for (let c = 0; c < w; c++) s += (ta[c] as number) * (tb[c] as number);
    held.push(s);
    xa.set(ta.subarray(0, w), i * w);
    xb.set(tb.subarray(0, w), i * w);
  });
  return { matched: mean(matched), heldOut: mean(held), cka: linearCka(xa, xb, k, w, w) };
}

/** Align units in every layer both models kept at the same index and width. */
export function unitAlignmentSignal(a: ModelFingerprint, b: ModelFingerprint): SignalResult {
  const byLayer = new Map(b.units.map((l) => [l.layer, l]));
  const perLayer: Record<string, number | null>[] = [];
  for (const la of a.units) {
    const lb = byLayer.get(la.layer);
    if (!lb || lb.width !== la.width || la.width < 8) continue;
    const r = alignLayer(la, lb);
    perLayer.push({ layer: la.layer, matchedCorrelation: round(r.matched), heldOutCorrelation: round(r.heldOut), cka: round(r.cka) });
  }
  if (perLayer.length === 0) return { id: 'unitAlignment', value: null, note: 'no MLP layer has unit features of the same width in both models', details: {} };
  const held = mean(perLayer.map((l) => l.heldOutCorrelation ?? 0));
  const cka = mean(perLayer.map((l) => l.cka ?? 0));
  return { id: 'unitAlignment', value: round(held), details: { heldOutCorrelation: round(held), cka: round(cka), perLayer } };
}
