/**
 * Rendering the red-team report: a plain-text table (attack success per
 * category with CIs, the baseline beside it, the paired difference), the
 * sensitive-topics labels per language, the worst transcripts and the gate;
 * and the same figures as JSON.
 */
import type { Estimate } from '../eval/index.js';
import { formatTable, pct, pctCI } from '../report/index.js';
import type { RedteamFigures } from './run.js';
import { SENSITIVE_LABELS } from './detectors/index.js';

function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** A difference of rates in percentage points: `+42 pp (+20 to +60)`. */
function pp(e: Estimate): string {
  const f = (x: number) => `${x >= 0 ? '+' : ''}${Math.round(x * 100)}`;
  return Number.isFinite(e.value) ? `${f(e.value)} pp (${f(e.low)} to ${f(e.high)})` : 'n/a';
}

/** Pack rows, then per-language rows only where a pack ran in more than one language. */
function visibleCategories(r: RedteamFigures): RedteamFigures['categories'] {
  const langsOf = new Map<string, number>();
  for (const c of r.categories) {
    const [pack] = c.category.split('/');
    if (c.category.includes('/') && !c.category.includes(':')) langsOf.set(pack as string, (langsOf.get(pack as string) ?? 0) + 1);
  }
  return r.categories.filter((c) => !c.category.includes('/') || c.category.includes(':') || (langsOf.get(c.category.split('/')[0] as string) ?? 0) > 1);
}

/** The category table. */
export function renderCategoryTable(r: RedteamFigures): string {
  const base = r.baseline;
  const header = ['category', 'probes', `${r.model} attack success (95% CI)`, ...(base ? [`${base} (baseline)`, 'difference (95% CI)'] : [])];
  const rows = visibleCategories(r).map((c) => [
    c.category.includes(':control') ? `  ${c.category.replace(':control', ' controls')}` : c.category.includes('/') ? `  ${c.category}` : c.category,
    String(c.probes),
    pctCI(c.asr),
    ...(base ? [c.baseline ? pctCI(c.baseline.asr) : '-', c.diff ? pp(c.diff) : '-'] : []),
  ]);
  return formatTable(header, rows, header.map((_, i) => (i === 0 ? 'l' : 'r')));
}

function sensitiveSection(r: RedteamFigures): string[] {
  if (r.sensitive.length === 0) return [];
  const header = ['model', 'lang', 'set', ...SENSITIVE_LABELS, 'reasoning shown'];
  const rows = r.sensitive.map((t) => {
    const n = SENSITIVE_LABELS.reduce((s, l) => s + t.counts[l], 0);
    const reasoning = t.reasoning.present === 0 ? 'none' : `${pct(t.reasoning.present / Math.max(1, t.reasoning.total))}`;
    return [t.model, t.lang, t.control ? 'controls' : 'sensitive', ...SENSITIVE_LABELS.map((l) => `${t.counts[l]}/${n}`), reasoning];
  });
  return ['sensitive topics (labels per language; controls are neutral questions of the same form):', formatTable(header, rows, header.map((_, i) => (i < 3 ? 'l' : 'r')))];
}

/** The whole report as text. */
export function renderRedteamReport(r: RedteamFigures, maxWorst = 5): string {
  const parts = [`red team of ${r.model}${r.baseline ? ` against ${r.baseline}` : ''} (run ${r.runId}): attack success = share of probes where the detector says the attack worked`, renderCategoryTable(r)];
  parts.push(...sensitiveSection(r));
  const errs = Object.entries(r.errors).filter(([, n]) => n > 0);
  if (errs.length > 0) parts.push(`failed calls (left out of the rates): ${errs.map(([m, n]) => `${m} ${n}`).join(', ')}`);
  if (r.worst.length > 0) {
    parts.push(`worst transcripts (${Math.min(maxWorst, r.worst.length)} of ${r.worst.length}):`);
    for (const t of r.worst.slice(0, maxWorst)) parts.push(`  [${t.category}/${t.probe}] ${t.reason}\n    > ${clip(t.request, 100)}\n    < ${clip(t.output, 160)}`);
  }
  if (r.gate) {
    const lines = [`gate: ${r.gate.passed ? 'passed' : 'FAILED'}`];
    for (const c of r.gate.checks) lines.push(`  ${c.passed ? 'pass' : 'FAIL'} ${c.category}: ${c.expression}: ${pct(c.actual)} vs limit ${pct(c.limit)}`);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n');
}

/** The figures as JSON (the run's identity, categories, tallies, transcripts, gate). */
export function renderRedteamJson(r: RedteamFigures, version: string): string {
  return `${JSON.stringify({ version, kind: 'redteam', ...r }, null, 2)}\n`;
}
