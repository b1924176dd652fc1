/**
 * A candidate against the baseline, paired by case: only cases both models
 * ran count, and each bootstrap resample draws the same cases for both, so
 * the interval reflects how much the two differ case by case rather than the
 * (usually much larger) spread of case difficulty.
 */
import type { BaselineComparison, Estimate } from '../types.js';
import { bootstrapFromMeans, safeRatio, UNDEFINED_ESTIMATE, type BootstrapOptions } from './bootstrap.js';
import { casePassed, type CaseTable } from './case-table.js';

/** Differences smaller than this are ties (scores are means of floats). */
export const TIE_EPSILON = 1e-9;

/** Disagreeing case indices kept in a comparison by default; the count is always exact. */
export const DEFAULT_MAX_DISAGREEMENTS = 1000;

/** Options for a paired comparison. */
export interface CompareOptions extends BootstrapOptions {
  maxDisagreements?: number;
}

/** Compare `candidate` with `baseline` on the cases both ran. */
export function compareTables(
  names: { model: string; baseline: string },
  candidate: CaseTable,
  baseline: CaseTable,
  options: CompareOptions = {},
): BaselineComparison {
  const cand = candidate.columns((i) => baseline.has(i));
  const base = baseline.columns((i) => candidate.has(i));
  const [scoreDiff, qualityRatio, passDiff, passRatio] = bootstrapFromMeans(
    [cand.score, base.score, cand.pass, base.pass],
    [(m) => at(m, 0) - at(m, 1), (m) => safeRatio(at(m, 0), at(m, 1)), (m) => at(m, 2) - at(m, 3), (m) => safeRatio(at(m, 2), at(m, 3))],
    options,
  ) as [Estimate, Estimate, Estimate, Estimate];
  const tally = tallyCases(cand.index, candidate, baseline, options.maxDisagreements ?? DEFAULT_MAX_DISAGREEMENTS);
  return {
    model: names.model,
    baseline: names.baseline,
    scoreDiff,
    wins: tally.wins,
    ties: tally.ties,
    losses: tally.losses,
    // A baseline that scored 0 everywhere leaves "fraction of its quality" undefined.
    qualityRatio: mean(base.score) === 0 ? UNDEFINED_ESTIMATE : qualityRatio,
    costRatio: safeRatio(sum(cand.cost), sum(base.cost)),
    disagreements: tally.disagreements,
    disagreementCount: tally.disagreementCount,
    pairedCases: cand.index.length,
    passDiff,
    passRatio: mean(base.pass) === 0 ? UNDEFINED_ESTIMATE : passRatio,
  };
}

interface Tally {
  wins: number;
  ties: number;
  losses: number;
  disagreements: number[];
  disagreementCount: number;
}

function tallyCases(shared: Int32Array, candidate: CaseTable, baseline: CaseTable, cap: number): Tally {
  const t: Tally = { wins: 0, ties: 0, losses: 0, disagreements: [], disagreementCount: 0 };
  for (const i of shared) {
    const d = candidate.caseScore(i) - baseline.caseScore(i);
    if (Math.abs(d) < TIE_EPSILON) t.ties++;
    else if (d > 0) t.wins++;
    else t.losses++;
    if (casePassed(candidate.casePass(i)) !== casePassed(baseline.casePass(i))) {
      t.disagreementCount++;
      if (t.disagreements.length < cap) t.disagreements.push(i);
    }
  }
  return t;
}

function at(m: Float64Array, k: number): number {
  return m[k] as number;
}

function sum(a: Float64Array): number {
  let s = 0;
  for (const x of a) s += x;
  return s;
}

function mean(a: Float64Array): number {
  return a.length === 0 ? Number.NaN : sum(a) / a.length;
}
