/**
 * Percentile bootstrap over cases. Every statistic the reports show (a mean,
 * a paired difference, a ratio of means) is a function of column means over
 * the same cases, so one resampling loop draws case indices once and feeds
 * all of them: the statistics of a comparison then share their resamples,
 * which is what pairing means.
 */
import type { Estimate } from '../types.js';
import { createRng, DEFAULT_SEED, type Rng } from './prng.js';
import { quantileSorted } from './quantile.js';

/** Resamples used when a caller gives no number (enough for stable 2.5% tails). */
export const DEFAULT_RESAMPLES = 2000;

/** How to bootstrap. */
export interface BootstrapOptions {
  /** Number of resamples (default 2,000). */
  resamples?: number;
  seed?: number;
  /** Confidence level (default 0.95). */
  level?: number;
}

/** A statistic computed from the means of the columns, in column order. */
export type MeanStatistic = (means: Float64Array) => number;

/** An estimate that carries no information (no cases, or an undefined ratio). */
export const UNDEFINED_ESTIMATE: Estimate = Object.freeze({ value: Number.NaN, low: Number.NaN, high: Number.NaN });

/**
 * Point estimates and percentile intervals for `statistics`, each a function
 * of the column means. All columns must have one entry per case (the
 * resampling unit); indices are drawn jointly across columns.
 * @example bootstrapFromMeans([scores], [(m) => m[0]!]) // mean score with its 95% CI
 */
export function bootstrapFromMeans(
  columns: readonly ArrayLike<number>[],
  statistics: readonly MeanStatistic[],
  options: BootstrapOptions = {},
): Estimate[] {
  const n = columns[0]?.length ?? 0;
  if (columns.some((c) => c.length !== n)) throw new Error('bootstrap columns must have the same length');
  if (n === 0) return statistics.map(() => UNDEFINED_ESTIMATE);
  const point = statistics.map((s) => s(columnMeans(columns, n)));
  const draws = resampleStatistics(columns, statistics, n, options);
  const level = options.level ?? 0.95;
  const tail = (1 - level) / 2;
  return statistics.map((_, k) => {
    const value = point[k] as number;
    if (!Number.isFinite(value)) return { value, low: value, high: value };
    const sorted = (draws[k] as Float64Array).sort();
    return { value, low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) };
  });
}

/** The mean of one column with its percentile interval. */
export function bootstrapMean(values: ArrayLike<number>, options: BootstrapOptions = {}): Estimate {
  return bootstrapFromMeans([values], [(m) => m[0] as number], options)[0] as Estimate;
}

function columnMeans(columns: readonly ArrayLike<number>[], n: number): Float64Array {
  const means = new Float64Array(columns.length);
  columns.forEach((col, c) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += col[i] as number;
    means[c] = sum / n;
  });
  return means;
}

function resampleStatistics(
  columns: readonly ArrayLike<number>[],
  statistics: readonly MeanStatistic[],
  n: number,
  options: BootstrapOptions,
): Float64Array[] {
  const resamples = Math.max(1, Math.floor(options.resamples ?? DEFAULT_RESAMPLES));
  const rng = createRng(options.seed ?? DEFAULT_SEED);
  const draws = statistics.map(() => new Float64Array(resamples));
  const means = new Float64Array(columns.length);
  for (let b = 0; b < resamples; b++) {
    resampleSums(columns, n, rng, means);
    for (let c = 0; c < means.length; c++) means[c] = (means[c] as number) / n;
    for (let s = 0; s < statistics.length; s++) (draws[s] as Float64Array)[b] = (statistics[s] as MeanStatistic)(means);
  }
  return draws;
}

/**
 * Column sums over one resample of n case indices. This loop is where a
 * 100,000-case report spends its time, so up to four columns are read
 * through locals (measured ~1.7x faster than indexing an array of columns);
 * absent columns alias the first and their sums are dropped.
 */
function resampleSums(columns: readonly ArrayLike<number>[], n: number, rng: Rng, out: Float64Array): void {
  const k = columns.length;
  if (k > 4) {
    out.fill(0);
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rng.next() * n);
      for (let c = 0; c < k; c++) out[c] = (out[c] as number) + ((columns[c] as ArrayLike<number>)[j] as number);
    }
    return;
  }
  const c0 = columns[0] as ArrayLike<number>;
  const c1 = columns[1] ?? c0;
  const c2 = columns[2] ?? c0;
  const c3 = columns[3] ?? c0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const next = rng.next;
  for (let i = 0; i < n; i++) {
    const j = Math.floor(next() * n);
    s0 += c0[j] as number;
    s1 += c1[j] as number;
    if (k > 2) {
      s2 += c2[j] as number;
      s3 += c3[j] as number;
    }
  }
  const sums = [s0, s1, s2, s3];
  for (let c = 0; c < k; c++) out[c] = sums[c] as number;
}

/** Ratio of two means where 0/0 counts as parity and x/0 as unbounded. */
export function safeRatio(numerator: number, denominator: number): number {
  if (denominator !== 0) return numerator / denominator;
  return numerator === 0 ? 1 : Number.POSITIVE_INFINITY;
}
