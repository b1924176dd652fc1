/**
 * The terminal view of an eval run: one row per model, then each candidate
 * against the baseline in a sentence, then the gate's verdict with the
 * shortfalls. Plain text (no colour codes) so it pastes into a PR.
 */
import { describeCheck, type GateResult } from '../eval/gate/index.js';
import type { GroupSummary } from '../eval/stats/index.js';
import type { BaselineComparison, ModelSummary } from '../eval/types.js';
import { count, diffCI, disagreementTotal, ms, pctCI, qualityAtCost, scoreCI, usd, winTieLoss } from './eval-format.js';

/** What the table shows (the shape `summarizeRun` returns, plus gate results). */
export interface EvalTableInput {
  models: readonly ModelSummary[];
  comparisons: readonly BaselineComparison[];
  groups?: readonly GroupSummary[];
  warnings?: readonly string[];
  baseline?: string;
  gate?: readonly GateResult[];
}

type Align = 'l' | 'r';

/**
 * Render the run summary for a terminal.
 * @example process.stdout.write(renderEvalTable({ ...summary, gate }) + '\n');
 */
export function renderEvalTable(input: EvalTableInput): string {
  const baseline = input.baseline ?? input.comparisons[0]?.baseline;
  const sections = [renderModelTable(input.models, baseline)];
  if (input.comparisons.length > 0) sections.push(renderComparisons(input.comparisons));
  if (input.groups && input.groups.length > 0) sections.push(renderGroupTable(input.groups, input.models.map((m) => m.model)));
  if (input.gate) sections.push(renderGateResults(input.gate));
  if (input.warnings && input.warnings.length > 0) sections.push(input.warnings.map((w) => `warning: ${w}`).join('\n'));
  return sections.join('\n\n');
}

/** One row per model: cases, pass rate and mean score with CIs, cost, latency, tokens, errors. */
export function renderModelTable(models: readonly ModelSummary[], baseline?: string): string {
  const header = ['model', 'cases', 'pass rate (95% CI)', 'mean score (95% CI)', 'cost', 'per case', 'p50', 'p95', 'tokens in/out', 'errors'];
  const align: Align[] = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];
  const rows = models.map((m) => [
    m.model === baseline ? `${m.model} (baseline)` : m.model,
    String(m.cases),
    pctCI(m.passRate),
    scoreCI(m.meanScore),
    usd(m.costUsd.total),
    usd(m.costUsd.perCase),
    ms(m.latencyMs.p50),
    `${ms(m.latencyMs.p95)}${m.latencySampled ? '~' : ''}`,
    `${m.tokens.estimated ? '≈' : ''}${count(m.tokens.prompt)}/${count(m.tokens.completion)}`,
    String(m.errors),
  ]);
  return formatTable(header, rows, align);
}

/** `small reaches 87% (81-93%) of baseline quality at 14% of its cost` and the paired detail below it. */
export function renderComparisons(comparisons: readonly BaselineComparison[]): string {
  const first = comparisons[0];
  if (!first) return '';
  const width = Math.max(...comparisons.map((c) => c.model.length));
  const lines = [`against baseline ${first.baseline}${first.pairedCases !== undefined ? ` (paired on shared cases)` : ''}:`];
  for (const c of comparisons) {
    lines.push(`  ${c.model.padEnd(width)}  ${qualityAtCost(c)}`);
    const n = disagreementTotal(c);
    const paired = c.pairedCases !== undefined ? `${c.pairedCases} cases, ` : '';
    lines.push(`  ${''.padEnd(width)}  ${paired}score diff ${diffCI(c.scoreDiff)}, ${winTieLoss(c)}, ${n} disagreement${n === 1 ? '' : 's'}`);
  }
  return lines.join('\n');
}

/** Per group (e.g. red-team category) the pass rate of each model side by side. */
export function renderGroupTable(groups: readonly GroupSummary[], modelOrder: readonly string[], label = 'group'): string {
  const header = [label, ...modelOrder.map((m) => `${m} pass (95% CI)`)];
  const rows = groups.map((g) => [g.group, ...modelOrder.map((m) => {
    const s = g.models.find((x) => x.model === m);
    return s ? `${pctCI(s.passRate)} n=${s.cases}` : '-';
  })]);
  return formatTable(header, rows, header.map((_, i) => (i === 0 ? 'l' : 'r')));
}

/** `gate: FAILED` then each candidate's checks, failures with their shortfall. */
export function renderGateResults(results: readonly GateResult[]): string {
  const failed = results.filter((r) => !r.passed).length;
  const head = failed === 0 ? `gate: passed (${results.length} candidate${results.length === 1 ? '' : 's'})` : `gate: FAILED (${failed} of ${results.length} candidate${results.length === 1 ? '' : 's'} fell short)`;
  const lines = [head];
  for (const r of results) {
    lines.push(`  ${r.passed ? 'pass' : 'FAIL'} ${r.model}`);
    for (const c of r.checks) lines.push(`    ${describeCheck(c)}`);
  }
  return lines.join('\n');
}

/** Pad cells into aligned columns with a rule under the header. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c)));
        return align[i] === 'r' ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Code points, so `≈` and accented model names do not skew the columns. */
function displayWidth(s: string): number {
  return [...s].length;
}
