/**
 * Which rows a large run's HTML report embeds. A 100,000-case page would be
 * unusable, so the report keeps at most `cap` rows, most informative first:
 * rows of cases where a candidate and the baseline disagree, then errors,
 * then failures, then passes. Selection streams with memory bounded by `cap`.
 */
import type { CaseResult } from '../../eval/types.js';

/** Why a row was kept, best reason first (also its sort order). */
export const ROW_TIERS = ['disagreement', 'error', 'failure', 'pass'] as const;
/** A row's tier. */
export type RowTier = (typeof ROW_TIERS)[number];

/** A row as embedded in the page: short keys keep 2,000 rows near a megabyte. */
export interface EmbeddedRow {
  /** case index */
  c: number;
  /** model */
  m: string;
  /** prompt id and repeat */
  p: string;
  r: number;
  /** description */
  d: string;
  /** tier */
  t: RowTier;
  /** score */
  s: number;
  /** output (truncated) or the error message */
  o: string;
  /** failing assertion reasons, or the error kind */
  why: string;
  /** latency ms, cost USD */
  ms: number;
  usd: number;
}

/** The selection and what it left out. */
export interface RowSelection {
  rows: EmbeddedRow[];
  total: number;
  /** Rows seen per tier, kept or not. */
  seen: Record<RowTier, number>;
}

/** How to select. */
export interface SelectOptions {
  /** Rows kept at most (default 2,000). */
  cap?: number;
  /** Case indices where some candidate and the baseline disagree. */
  disagreements?: ReadonlySet<number>;
  /** Characters of output kept per row (default 600). */
  maxOutputChars?: number;
}

/** Stream rows and keep the `cap` most informative. */
export async function selectRows(rows: AsyncIterable<CaseResult> | Iterable<CaseResult>, options: SelectOptions = {}): Promise<RowSelection> {
  const cap = Math.max(0, options.cap ?? 2000);
  const kept: Record<RowTier, EmbeddedRow[]> = { disagreement: [], error: [], failure: [], pass: [] };
  const seen: Record<RowTier, number> = { disagreement: 0, error: 0, failure: 0, pass: 0 };
  let size = 0;
  let total = 0;
  const offer = (row: CaseResult): void => {
    total++;
    const tier = tierOf(row, options.disagreements);
    seen[tier]++;
    if (size >= cap) {
      // Full: make room only by evicting a row of a less informative tier (its latest arrival).
      const worst = [...ROW_TIERS].reverse().find((t) => kept[t].length > 0 && ROW_TIERS.indexOf(t) > ROW_TIERS.indexOf(tier));
      if (worst === undefined) return;
      kept[worst].pop();
      size--;
    }
    kept[tier].push(embed(row, tier, options.maxOutputChars ?? 600));
    size++;
  };
  if (Symbol.asyncIterator in rows) for await (const row of rows) offer(row);
  else for (const row of rows) offer(row);
  return { rows: ROW_TIERS.flatMap((t) => kept[t]), total, seen };
}

function tierOf(row: CaseResult, disagreements: ReadonlySet<number> | undefined): RowTier {
  if (disagreements?.has(row.caseIndex)) return 'disagreement';
  if (row.error) return 'error';
  return row.pass ? 'pass' : 'failure';
}

function embed(row: CaseResult, tier: RowTier, maxChars: number): EmbeddedRow {
  const why = row.error ? `${row.error.kind}: ${row.error.message}` : row.assertions.filter((a) => !a.pass).map((a) => `${a.type}: ${a.reason}`).join('\n');
  return {
    c: row.caseIndex,
    m: row.model,
    p: row.promptId,
    r: row.repeat,
    d: clip(row.description ?? '', 200),
    t: tier,
    s: row.error ? 0 : row.score,
    o: clip(row.output ?? '', maxChars),
    why: clip(why, 400),
    ms: Math.round(row.latencyMs),
    usd: row.costUsd,
  };
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
