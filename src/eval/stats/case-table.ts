/**
 * Per-case aggregation for one model (or one model within a group). Rows are
 * folded into a few numbers per case as they stream past, so memory grows
 * with cases × models, never with the rows or their outputs. Several rows of
 * one case (prompts, repeats) are averaged within the case: the case is the
 * unit the bootstrap resamples.
 */
import type { CaseResult } from '../types.js';
import { LatencySketch } from './latency-sketch.js';

/** The quality figures one row contributes to a case. */
export interface RowOutcome {
  score: number;
  pass: boolean;
}

/** Dense per-case columns over the cases a table has seen, ascending by case index. */
export interface CaseColumns {
  index: Int32Array;
  score: Float64Array;
  pass: Float64Array;
  cost: Float64Array;
}

/** Case indices beyond this are surely a bug upstream (and would cost gigabytes of columns). */
const MAX_CASE_INDEX = 50_000_000;

/** Accumulates one model's rows, per case and in total. */
export class CaseTable {
  rows = 0;
  errors = 0;
  failures = 0;
  costUsd = 0;
  promptTokens = 0;
  completionTokens = 0;
  estimatedTokens = false;
  readonly latency: LatencySketch;
  private counts = new Uint32Array(64);
  private scores = new Float64Array(64);
  private passes = new Float64Array(64);
  private costs = new Float64Array(64);
  private distinct = 0;

  constructor(options: { latencyCapacity?: number; seed?: number } = {}) {
    this.latency = new LatencySketch({ capacity: options.latencyCapacity, seed: options.seed });
  }

  /** Fold one row in. Errors count as score 0 and a failure whatever the row says. */
  add(row: CaseResult, outcome: RowOutcome): void {
    const i = row.caseIndex;
    if (!Number.isInteger(i) || i < 0 || i > MAX_CASE_INDEX) throw new Error(`caseIndex ${String(i)} is not a valid case index`);
    if (i >= this.counts.length) this.grow(i + 1);
    const failed = row.error !== undefined;
    const score = failed ? 0 : clamp01(outcome.score);
    const pass = !failed && outcome.pass;
    if (this.counts[i] === 0) this.distinct++;
    this.counts[i] = (this.counts[i] as number) + 1;
    this.scores[i] = (this.scores[i] as number) + score;
    this.passes[i] = (this.passes[i] as number) + (pass ? 1 : 0);
    const cost = finiteOrZero(row.costUsd);
    this.costs[i] = (this.costs[i] as number) + cost;
    this.rows++;
    if (failed) this.errors++;
    else if (!pass) this.failures++;
    this.costUsd += cost;
    this.promptTokens += finiteOrZero(row.tokens?.prompt);
    this.completionTokens += finiteOrZero(row.tokens?.completion);
    if (row.tokens?.source === 'estimate') this.estimatedTokens = true;
    this.latency.add(row.latencyMs);
  }

  /** Number of distinct cases seen. */
  get cases(): number {
    return this.distinct;
  }

  /** True when the case has at least one row. */
  has(caseIndex: number): boolean {
    return (this.counts[caseIndex] ?? 0) > 0;
  }

  /** Mean score of a case's rows (NaN when absent). */
  caseScore(caseIndex: number): number {
    return (this.scores[caseIndex] ?? Number.NaN) / (this.counts[caseIndex] ?? 0);
  }

  /** Fraction of a case's rows that passed (NaN when absent). */
  casePass(caseIndex: number): number {
    return (this.passes[caseIndex] ?? Number.NaN) / (this.counts[caseIndex] ?? 0);
  }

  /** Total cost of a case's rows. */
  caseCost(caseIndex: number): number {
    return this.costs[caseIndex] ?? 0;
  }

  /** Largest index the columns can hold, for iterating over all cases. */
  get span(): number {
    return this.counts.length;
  }

  /** Per-case means, optionally restricted to cases `keep` accepts. */
  columns(keep: (caseIndex: number) => boolean = () => true): CaseColumns {
    const picked: number[] = [];
    for (let i = 0; i < this.counts.length; i++) if ((this.counts[i] as number) > 0 && keep(i)) picked.push(i);
    const out: CaseColumns = {
      index: Int32Array.from(picked),
      score: new Float64Array(picked.length),
      pass: new Float64Array(picked.length),
      cost: new Float64Array(picked.length),
    };
    picked.forEach((c, k) => {
      out.score[k] = this.caseScore(c);
      out.pass[k] = this.casePass(c);
      out.cost[k] = this.caseCost(c);
    });
    return out;
  }

  private grow(min: number): void {
    let size = this.counts.length;
    while (size < min) size *= 2;
    const widen = <T extends Float64Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.counts = widen(this.counts, (n) => new Uint32Array(n));
    this.scores = widen(this.scores, (n) => new Float64Array(n));
    this.passes = widen(this.passes, (n) => new Float64Array(n));
    this.costs = widen(this.costs, (n) => new Float64Array(n));
  }
}

/** A case passes for a model when more than half of its rows (prompts × repeats) passed. */
export function casePassed(passFraction: number): boolean {
  return passFraction > 0.5;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function finiteOrZero(x: number | undefined): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}
