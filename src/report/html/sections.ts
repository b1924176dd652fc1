/** The report's static sections as HTML strings; every value passes through escapeHtml. */
import { describeCheck, type GateResult } from '../../eval/gate/index.js';
import type { GroupSummary } from '../../eval/stats/index.js';
import type { BaselineComparison, ModelSummary } from '../../eval/types.js';
import { count, diffCI, disagreementTotal, ms, pctCI, qualityAtCost, scoreCI, usd, winTieLoss } from '../eval-format.js';
import { escapeHtml } from './escape.js';

/** A table cell: plain text, optionally right-aligned as a number. */
type Cell = string | { text: string; num?: boolean; cls?: string };

/** An HTML table from plain-text cells. */
export function htmlTable(header: readonly Cell[], rows: readonly (readonly Cell[])[], rowClass: (i: number) => string = () => ''): string {
  const td = (tag: 'td' | 'th', c: Cell): string => {
    const { text, num, cls } = typeof c === 'string' ? { text: c, num: false, cls: '' } : c;
    const classes = [num ? 'mg-num' : '', cls ?? ''].filter(Boolean).join(' ');
    return `<${tag}${classes ? ` class="${classes}"` : ''}>${escapeHtml(text)}</${tag}>`;
  };
  const head = `<thead><tr>${header.map((h) => td('th', h)).join('')}</tr></thead>`;
  const body = rows.map((r, i) => `<tr${rowClass(i) ? ` class="${rowClass(i)}"` : ''}>${r.map((c) => td('td', c)).join('')}</tr>`).join('\n');
  return `<table>${head}<tbody>\n${body}\n</tbody></table>`;
}

/** Per-model figures. */
export function summarySection(models: readonly ModelSummary[], baseline: string | undefined): string {
  const n = (text: string): Cell => ({ text, num: true });
  const header: Cell[] = ['model', n('cases'), n('pass rate (95% CI)'), n('mean score (95% CI)'), n('cost'), n('per case'), n('p50'), n('p95'), n('tokens in/out'), n('errors')];
  const rows = models.map((m) => [
    m.model === baseline ? `${m.model} (baseline)` : m.model,
    n(String(m.cases)),
    n(pctCI(m.passRate)),
    n(scoreCI(m.meanScore)),
    n(usd(m.costUsd.total)),
    n(usd(m.costUsd.perCase)),
    n(ms(m.latencyMs.p50)),
    n(`${ms(m.latencyMs.p95)}${m.latencySampled ? ' (sampled)' : ''}`),
    n(`${m.tokens.estimated ? '≈' : ''}${count(m.tokens.prompt)} / ${count(m.tokens.completion)}`),
    n(String(m.errors)),
  ]);
  const table = htmlTable(header, rows, (i) => (models[i]?.model === baseline ? 'mg-baseline' : ''));
  return `<section id="mg-summary"><h2>Summary</h2>${table}</section>`;
}

/** Each candidate against the baseline, in words, then a table of the paired figures. */
export function comparisonSection(comparisons: readonly BaselineComparison[]): string {
  const first = comparisons[0];
  if (!first) return '';
  const items = comparisons.map((c) => `<li><strong>${escapeHtml(c.model)}</strong> ${escapeHtml(qualityAtCost(c))}</li>`).join('\n');
  const n = (text: string): Cell => ({ text, num: true });
  const rows = comparisons.map((c) => [
    c.model,
    n(c.pairedCases === undefined ? '' : String(c.pairedCases)),
    n(diffCI(c.scoreDiff)),
    n(c.passDiff ? diffCI(c.passDiff) : ''),
    n(winTieLoss(c).replace('W/T/L ', '')),
    n(String(disagreementTotal(c))),
  ]);
  const table = htmlTable(['model', n('paired cases'), n('score diff (95% CI)'), n('pass-rate diff (95% CI)'), n('wins/ties/losses'), n('disagreements')], rows);
  return `<section id="mg-baseline"><h2>Against the baseline ${escapeHtml(first.baseline)}</h2><ul>${items}</ul>${table}</section>`;
}

/** The gate's verdict per candidate, failed checks with their shortfall. */
export function gateSection(results: readonly GateResult[] | undefined): string {
  if (!results) return '';
  const failed = results.filter((r) => !r.passed).length;
  const verdict = failed === 0 ? '<p class="mg-pass">All candidates pass the gate.</p>' : `<p class="mg-fail">${failed} of ${results.length} candidates fall short of the gate.</p>`;
  const list = results
    .map((r) => {
      const checks = r.checks.map((c) => `<li class="${c.passed ? '' : 'mg-fail'}">${escapeHtml(describeCheck(c))}</li>`).join('');
      return `<div><span class="${r.passed ? 'mg-pass' : 'mg-fail'}">${r.passed ? 'pass' : 'FAIL'}</span> <strong>${escapeHtml(r.model)}</strong><ul class="mg-checks">${checks}</ul></div>`;
    })
    .join('\n');
  return `<section id="mg-gate"><h2>Upgrade gate</h2>${verdict}${list}</section>`;
}

/** Per group (e.g. red-team category) pass rates side by side. */
export function groupSection(groups: readonly GroupSummary[] | undefined, modelOrder: readonly string[]): string {
  if (!groups || groups.length === 0) return '';
  const header: Cell[] = ['group', ...modelOrder.map((m) => ({ text: `${m} pass rate (95% CI)`, num: true }))];
  const rows = groups.map((g) => [
    g.group,
    ...modelOrder.map((m): Cell => {
      const s = g.models.find((x) => x.model === m);
      return { text: s ? `${pctCI(s.passRate)} · n=${s.cases}` : '–', num: true };
    }),
  ]);
  return `<section id="mg-groups"><h2>By group</h2>${htmlTable(header, rows)}</section>`;
}

/** Warnings from the summariser. */
export function warningSection(warnings: readonly string[] | undefined): string {
  if (!warnings || warnings.length === 0) return '';
  return `<section id="mg-warnings">${warnings.map((w) => `<p class="mg-warning">warning: ${escapeHtml(w)}</p>`).join('')}</section>`;
}
