/**
 * The self-contained HTML report of an eval run: summary, baseline
 * comparison, a quality-versus-cost chart, the gate, and a paged case
 * browser. One file, no network: CSS and script are inline and a
 * Content-Security-Policy pins them by hash, so even a mistake in escaping
 * could not run injected script. Large runs embed only the most informative
 * rows and say how many were left out.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { GateResult } from '../eval/gate/index.js';
import type { GroupSummary, ResultSource } from '../eval/stats/index.js';
import type { BaselineComparison, ModelSummary, RunMeta } from '../eval/types.js';
import { selectRows, type RowSelection } from './html/case-select.js';
import { renderQualityCostChart } from './html/chart.js';
import { CLIENT_SCRIPT, PAGE_SIZE } from './html/client.js';
import { escapeHtml, jsonForScript } from './html/escape.js';
import { comparisonSection, gateSection, groupSection, summarySection, warningSection } from './html/sections.js';
import { REPORT_CSS } from './html/style.js';

/** Rows embedded by default; beyond this a page gets slow to filter and heavy to attach to CI. */
export const DEFAULT_HTML_ROWS = 2000;

/** Everything the HTML report shows. */
export interface EvalHtmlInput {
  models: readonly ModelSummary[];
  comparisons: readonly BaselineComparison[];
  groups?: readonly GroupSummary[];
  warnings?: readonly string[];
  baseline?: string;
  gate?: readonly GateResult[];
  run?: RunMeta;
  /** The run's rows, read once to pick the embedded ones; omit for a figures-only page. */
  rows?: ResultSource;
  /** Rows embedded at most (default 2,000). */
  maxRows?: number;
  version?: string;
  /** Shown in the header; pass it in so rendering stays pure. */
  generatedAt?: string;
}

/**
 * Render the report.
 * @example await writeFile('report.html', await renderEvalHtml({ ...summary, gate, run, rows: store.iterateResults(id) }));
 */
export async function renderEvalHtml(input: EvalHtmlInput): Promise<string> {
  const baseline = input.baseline ?? input.run?.baseline ?? input.comparisons[0]?.baseline;
  const disagreements = new Set(input.comparisons.flatMap((c) => c.disagreements));
  const selection = input.rows ? await selectRows(input.rows, { cap: input.maxRows ?? DEFAULT_HTML_ROWS, disagreements }) : undefined;
  const failedGate = new Set((input.gate ?? []).filter((g) => !g.passed).map((g) => g.model));
  const chart = renderQualityCostChart(
    input.models.map((m) => ({ label: m.model, cost: m.costUsd.perCase, score: m.meanScore, baseline: m.model === baseline, failedGate: failedGate.has(m.model) })),
  );
  const body = [
    header(input, baseline),
    warningSection(input.warnings),
    summarySection(input.models, baseline),
    comparisonSection(input.comparisons),
    `<section id="mg-chart"><h2>Quality versus cost</h2>${chart}<p class="mg-note">Dots are mean scores; whiskers are 95% percentile-bootstrap intervals over cases. Up and to the left is better.</p></section>`,
    gateSection(input.gate),
    groupSection(input.groups, input.models.map((m) => m.model)),
    selection ? caseSection(selection, input.run?.id) : '',
  ].filter(Boolean);
  return page(`modelgate eval${input.run ? ` — ${input.run.id}` : ''}`, body.join('\n'), selection);
}

/** Render the report and write it to `path`. */
export async function writeEvalHtml(path: string, input: EvalHtmlInput): Promise<void> {
  await writeFile(path, await renderEvalHtml(input), 'utf8');
}

function header(input: EvalHtmlInput, baseline: string | undefined): string {
  const facts: string[] = [];
  if (input.run) {
    facts.push(`run <code>${escapeHtml(input.run.id)}</code>`);
    facts.push(`suite <code>${escapeHtml(input.run.suitePath)}</code>`);
    facts.push(`started ${escapeHtml(input.run.startedAt)}`);
    if (input.run.repeat > 1) facts.push(`${input.run.repeat} repeats`);
  }
  facts.push(`${input.models.length} model${input.models.length === 1 ? '' : 's'}`);
  if (baseline) facts.push(`baseline <strong>${escapeHtml(baseline)}</strong>`);
  if (input.generatedAt) facts.push(`generated ${escapeHtml(input.generatedAt)}${input.version ? ` by modelgate ${escapeHtml(input.version)}` : ''}`);
  return `<header><h1>modelgate eval report</h1><p class="mg-meta">${facts.join(' · ')}</p></header>`;
}

function caseSection(sel: RowSelection, runId: string | undefined): string {
  const left = sel.total - sel.rows.length;
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const run = runId ? escapeHtml(runId) : 'RUN_ID';
  const note =
    left > 0
      ? `Showing the ${fmt(sel.rows.length)} most informative of ${fmt(sel.total)} rows (disagreements with the baseline first, then errors, then failures). ${fmt(left)} rows are not embedded; see every changed case with <code>modelgate compare ${run} OTHER_RUN</code>, or write every row to the JUnit XML report.`
      : `All ${fmt(sel.total)} rows are embedded.`;
  const counts = `In the run: ${fmt(sel.seen.disagreement)} rows of cases where a candidate and the baseline disagree; of the other rows, ${fmt(sel.seen.error)} errors, ${fmt(sel.seen.failure)} failures and ${fmt(sel.seen.pass)} passes.`;
  const options = ['all', 'disagreement', 'error', 'failure', 'pass'].map((t) => `<option value="${t}">${t === 'all' ? 'all rows' : t}</option>`).join('');
  return `<section id="mg-cases"><h2>Cases</h2>
<p class="mg-note">${note} ${counts}</p>
<div class="mg-controls"><input type="search" id="mg-filter" placeholder="filter: model, text, reason, #case" aria-label="filter rows">
<select id="mg-tier" aria-label="row kind">${options}</select>
<button type="button" id="mg-prev">‹ prev</button><button type="button" id="mg-next">next ›</button>
<span id="mg-page-info" class="mg-note"></span></div>
<table><thead><tr><th class="mg-num">case</th><th>model</th><th>prompt #rep</th><th>result</th><th class="mg-num">score</th><th>output</th><th>why</th><th class="mg-num">latency</th></tr></thead>
<tbody id="mg-rows-body"></tbody></table>
<p class="mg-note">${PAGE_SIZE} rows per page.</p></section>`;
}

function page(title: string, body: string, selection: RowSelection | undefined): string {
  const scripts = selection ? `<script type="application/json" id="mg-rows">${jsonForScript(selection.rows)}</script>\n<script>${CLIENT_SCRIPT}</script>` : '';
  // Hashes allow exactly this stylesheet and script; nothing may load from anywhere.
  const csp = [`default-src 'none'`, `style-src '${sha256(REPORT_CSS)}'`, selection ? `script-src '${sha256(CLIENT_SCRIPT)}'` : `script-src 'none'`, `img-src data:`].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
${scripts}
</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
