/** Quantiles of sorted samples, shared by the bootstrap and the latency sketch. */

/**
 * The q-quantile of ascending `sorted` values by linear interpolation between
 * order statistics (the "type 7" definition most spreadsheets use). NaN when
 * there are no values.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  // Equal neighbours (including two infinities) need no interpolation, and computing it would give NaN.
  return a === b ? a : a + (b - a) * (pos - lo);
}
