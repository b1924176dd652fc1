/** Small numeric helpers the signals share. */

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/** Subtract the mean and scale to unit length (a vector ready for Pearson by dot product). */
export function standardize(a: ArrayLike<number>): Float64Array {
  const n = a.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += a[i] as number;
  m /= n || 1;
  const out = new Float64Array(n);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - m;
    out[i] = d;
    ss += d * d;
  }
  const norm = Math.sqrt(ss);
  if (norm > 0) for (let i = 0; i < n; i++) out[i] = (out[i] as number) / norm;
  return out;
}

/** Pearson correlation; 0 when either side is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return cosine(standardize(a), standardize(b));
}

/** z-scores across the vector (population standard deviation). */
export function zscore(a: readonly number[]): number[] {
  const m = a.reduce((s, x) => s + x, 0) / (a.length || 1);
  const sd = Math.sqrt(a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length || 1));
  return a.map((x) => (sd > 0 ? (x - m) / sd : 0));
}

/** Resample a curve to `n` points by linear interpolation over relative depth. */
export function interpolate(a: readonly number[], n: number): number[] {
  if (a.length === n || a.length === 0) return [...a];
  if (a.length === 1) return Array.from({ length: n }, () => a[0] as number);
  return Array.from({ length: n }, (_, i) => {
    const pos = n === 1 ? 0 : (i * (a.length - 1)) / (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(a.length - 1, lo + 1);
    const f = pos - lo;
    return (a[lo] as number) * (1 - f) + (a[hi] as number) * f;
  });
}

/** Median of a list (NaN when empty). */
export function median(a: readonly number[]): number {
  if (a.length === 0) return NaN;
  const s = [...a].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Mean of a list (NaN when empty). */
export function mean(a: readonly number[]): number {
  return a.length ? a.reduce((s, x) => s + x, 0) / a.length : NaN;
}

/** Round for reports (keeps JSON readable; NaN becomes null). */
export function round(x: number, digits = 4): number | null {
  return Number.isFinite(x) ? Number(x.toFixed(digits)) : null;
}
