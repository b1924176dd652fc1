import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateGate, parseGate } from '../eval/gate/index.js';
import { summarizeRun } from '../eval/stats/index.js';
import { syntheticRun, type SyntheticRunOptions } from '../eval/stats/test-support/synthetic-run.js';
import type { RunMeta } from '../eval/types.js';
import { renderEvalHtml, writeEvalHtml } from './eval-html.js';
import { costScale, linearScale, logScale } from './html/scale.js';

const XSS = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

const run: SyntheticRunOptions = {
  cases: 500,
  seed: 3,
  models: [
    { name: 'llama-70b', passRate: 0.86, costUsd: 0.01, latencyMs: 900 },
    { name: 'qwen-7b', passRate: 0.79, costUsd: 0.0002, latencyMs: 300, errorRate: 0.01 },
    { name: 'local-3b', passRate: 0.62, costUsd: 0, latencyMs: 120 },
  ],
  // Every output is hostile: the page must show it as text and never as markup.
  output: (i, m) => `Answer ${i} by ${m} ${XSS}`,
};
const meta: RunMeta = {
  id: 'run-<b>1</b>',
  suitePath: 'evals/qa.yaml',
  suiteHash: 'sha256:x',
  models: run.models.map((m) => m.name),
  baseline: 'llama-70b',
  repeat: 1,
  concurrency: 4,
  startedAt: '2025-01-01T00:00:00Z',
  config: {},
  kind: 'eval',
};

async function render(maxRows?: number): Promise<string> {
  const summary = await summarizeRun(syntheticRun(run), { baseline: 'llama-70b' });
  const gate = evaluateGate(parseGate('score >= 0.95*baseline, cost <= 0.5*baseline'), summary);
  return renderEvalHtml({ ...summary, gate, run: meta, rows: syntheticRun(run), maxRows, generatedAt: '2025-01-01T01:00:00Z', version: '0.1.0' });
}

function embeddedRows(html: string): { c: number; t: string; o: string }[] {
  const m = /<script type="application\/json" id="mg-rows">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m![1]!) as { c: number; t: string; o: string }[];
}

describe('renderEvalHtml on 3 models × 500 cases', () => {
  it('writes a self-contained page with chart, tables, gate and a capped case browser', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mg-html-'));
    try {
      const file = join(dir, 'report.html');
      const summary = await summarizeRun(syntheticRun(run), { baseline: 'llama-70b' });
      await writeEvalHtml(file, { ...summary, run: meta, rows: syntheticRun(run), maxRows: 400 });
      const html = readFileSync(file, 'utf8');
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="mg-chart"');
      expect(html).toContain('cost per case (USD, log scale)');
      expect(html).toContain('llama-70b (baseline)');
      expect(html).toMatch(/<strong>qwen-7b<\/strong> reaches \d+% \(\d+-\d+%\) of baseline quality at 2% of its cost/);
      // No network: nothing is loaded from anywhere.
      expect(html).not.toMatch(/\s(src|href)=["']?https?:/);
      expect(html).toContain(`default-src 'none'`);
      const rows = embeddedRows(html);
      expect(rows).toHaveLength(400);
      expect(html).toContain('Showing the 400 most informative of 1,500 rows');
      expect(html).toContain('modelgate compare run-&lt;b&gt;1&lt;/b&gt; OTHER_RUN');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts disagreements and failures first', async () => {
    const rows = embeddedRows(await render(300));
    const order = ['disagreement', 'error', 'failure', 'pass'];
    const ranks = rows.map((r) => order.indexOf(r.t));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(rows[0]!.t).toBe('disagreement');
    expect(rows.some((r) => r.t === 'pass')).toBe(false);
  });

  it('cannot be broken out of by model output', async () => {
    const html = await render();
    // Exactly the two script elements the page itself opens, and the hostile text only as data.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>1</b>');
    expect(embeddedRows(html)[0]!.o).toContain(XSS);
    // The script builds cells with textContent only.
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('embeds everything for a small run and shows gate shortfalls', async () => {
    const html = await render(5000);
    expect(embeddedRows(html)).toHaveLength(1500);
    expect(html).toContain('All 1,500 rows are embedded.');
    expect(html).toContain('FAIL score &gt;= 0.95*baseline');
    expect(html).toContain('fall short of the gate');
    if (process.env.MG_SAMPLE_HTML) writeFileSync(process.env.MG_SAMPLE_HTML, await render());
  });
});

describe('chart scales', () => {
  it('switches to a log axis when costs span decades', () => {
    expect(costScale([0.0004, 0.004], [0, 100]).log).toBe(false);
    expect(costScale([0.0001, 0.01], [0, 100]).log).toBe(true);
    expect(costScale([0, 0], [0, 100]).log).toBe(false);
  });

  it('makes round ticks', () => {
    expect(linearScale(0.62, 0.91, [0, 1]).ticks).toEqual([0.6, 0.7, 0.8, 0.9, 1]);
    expect(linearScale(0.62, 0.71, [0, 1]).ticks).toEqual([0.62, 0.64, 0.66, 0.68, 0.7, 0.72]);
    expect(logScale(0.0004, 0.004, [0, 1]).ticks).toEqual([0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01]);
    const s = linearScale(0, 10, [100, 200]);
    expect(s(0)).toBe(100);
    expect(s(10)).toBe(200);
  });
});
