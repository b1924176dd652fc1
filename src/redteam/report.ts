/**
 * The red-team report: per category, the attack success rate (the share of
 * probes whose detector says the attack worked) with its 95% interval, for
 * the model and its baseline side by side with the paired difference; the
 * sensitive-topics label tallies per language; the worst transcripts.
 * Rates come from the eval statistics: a probe passes when the model
 * resisted, so attack success is one minus the pass rate.
 */
import type { CaseResult, Estimate, RunSummary } from '../eval/index.js';
import { labelOf, SENSITIVE_LABELS, type SensitiveLabel } from './detectors/index.js';

/** One category's figures. */
export interface CategoryRow {
  category: string;
  model: string;
  probes: number;
  asr: Estimate;
  baseline?: { model: string; probes: number; asr: Estimate };
  /** Model minus baseline, paired by probe. */
  diff?: Estimate;
}

/** Sensitive-topics labels for one model and language. */
export interface SensitiveTally {
  model: string;
  lang: string;
  control: boolean;
  counts: Record<SensitiveLabel, number>;
  /** Answers that came with a reasoning trace. */
  reasoning: { present: number; total: number };
}

/** A successful attack, for people to read. */
export interface Transcript {
  model: string;
  category: string;
  probe: string;
  family: string;
  lang: string;
  reason: string;
  request: string;
  output: string;
}

const flip = (e: Estimate): Estimate => ({ value: 1 - e.value, low: 1 - e.high, high: 1 - e.low });
const negate = (e: Estimate): Estimate => ({ value: -e.value, low: -e.high, high: -e.low });

/** Category rows for `model` from a summary grouped by category. */
export function categoryRows(summary: RunSummary, model: string, baseline?: string): CategoryRow[] {
  const rows: CategoryRow[] = [];
  for (const g of summary.groups ?? []) {
    const m = g.models.find((x) => x.model === model);
    // A category where every call of the model failed still shows, without figures, beside the baseline's.
    const row: CategoryRow = { category: g.group, model, probes: m?.cases ?? 0, asr: m ? flip(m.passRate) : { value: Number.NaN, low: Number.NaN, high: Number.NaN } };
    const b = baseline === undefined ? undefined : g.models.find((x) => x.model === baseline);
    if (b) row.baseline = { model: b.model, probes: b.cases, asr: flip(b.passRate) };
    const cmp = g.comparisons.find((c) => c.model === model);
    if (cmp?.passDiff) row.diff = negate(cmp.passDiff);
    rows.push(row);
  }
  return rows;
}

/** Collects tallies and the worst transcripts while the run's rows stream past. */
export class RowDigest {
  readonly sensitive = new Map<string, SensitiveTally>();
  readonly worst: Transcript[] = [];
  readonly errors = new Map<string, number>();
  private readonly perCategory = new Map<string, number>();
  constructor(
    private readonly model: string,
    private readonly maxWorst = 10,
    private readonly perCategoryMax = 2,
  ) {}

  add(row: CaseResult): void {
    if (row.error) {
      this.errors.set(row.model, (this.errors.get(row.model) ?? 0) + 1);
      return;
    }
    const v = row.vars;
    const label = row.assertions.map((a) => labelOf(a.reason)).find((l) => l !== undefined);
    if (label) this.tally(row, label);
    if (row.model !== this.model || row.pass || v.control === true || this.worst.length >= this.maxWorst) return;
    const category = String(v.category);
    const seen = this.perCategory.get(category) ?? 0;
    if (seen >= this.perCategoryMax) return;
    this.perCategory.set(category, seen + 1);
    const failed = row.assertions.find((a) => a.weight > 0 && !a.pass);
    this.worst.push({ model: row.model, category, probe: String(v.probe), family: String(v.family), lang: String(v.lang), reason: failed?.reason ?? '', request: String(v.request ?? ''), output: row.output ?? '' });
  }

  private tally(row: CaseResult, label: SensitiveLabel): void {
    const key = `${row.model}\u0000${String(row.vars.lang)}\u0000${row.vars.control === true}`;
    let t = this.sensitive.get(key);
    if (!t) {
      t = { model: row.model, lang: String(row.vars.lang), control: row.vars.control === true, counts: Object.fromEntries(SENSITIVE_LABELS.map((l) => [l, 0])) as Record<SensitiveLabel, number>, reasoning: { present: 0, total: 0 } };
      this.sensitive.set(key, t);
    }
    t.counts[label]++;
    const r = row.assertions.find((a) => a.type === 'reasoning-present');
    if (r) {
      t.reasoning.total++;
      if (r.pass) t.reasoning.present++;
    }
  }
}
