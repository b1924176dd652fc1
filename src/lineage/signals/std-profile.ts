/**
 * Signal 3: the layer-wise statistic of the public 2025 analysis. The
 * standard deviation of each attention projection per layer, z-scored across
 * layers, compared by Pearson correlation (curves resampled over relative
 * depth when depths differ). Models of one design share these curves, so a
 * high value does not mean derived; it never decides a verdict.
 */
import type { ModelFingerprint } from '../types.js';
import { interpolate, mean, pearson, round, zscore } from './stats.js';
import type { SignalResult } from './types.js';

const PROJECTIONS = ['q', 'k', 'v', 'o'] as const;

/** Per-layer standard deviation of each attention projection. */
export function stdCurves(fp: ModelFingerprint): Record<(typeof PROJECTIONS)[number], number[]> {
  const out = { q: [] as number[], k: [] as number[], v: [] as number[], o: [] as number[] };
  for (const p of PROJECTIONS) {
    const ts = fp.tensors.filter((t) => t.role === p && t.layer !== undefined).sort((x, y) => (x.layer ?? 0) - (y.layer ?? 0));
    out[p] = ts.map((t) => t.std);
  }
  return out;
}

/** Correlate the z-scored curves projection by projection. */
export function stdProfileSignal(a: ModelFingerprint, b: ModelFingerprint): SignalResult {
  const ca = stdCurves(a);
  const cb = stdCurves(b);
  const per: Record<string, number | null> = {};
  const values: number[] = [];
  for (const p of PROJECTIONS) {
    const n = Math.max(ca[p].length, cb[p].length);
    if (ca[p].length < 3 || cb[p].length < 3) {
      per[p] = null;
      continue;
    }
    const r = pearson(zscore(interpolate(ca[p], n)), zscore(interpolate(cb[p], n)));
    per[p] = round(r);
    values.push(r);
  }
  const curves = { a: mapCurves(ca), b: mapCurves(cb) };
  if (values.length === 0) return { id: 'stdProfile', value: null, note: 'needs at least three layers on both sides', details: { perProjection: per, curves } };
  return { id: 'stdProfile', value: round(mean(values)), details: { perProjection: per, curves, interpolated: ca.q.length !== cb.q.length } };
}

function mapCurves(c: Record<string, number[]>): Record<string, (number | null)[]> {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.map((x) => round(x, 6))]));
}
