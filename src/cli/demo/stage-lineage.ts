/** Demo stage: lineage finds the fine-tune derived from the base, the independent model not, and writes the HTML matrix. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoStage } from './demo-stage.js';

export const lineageStage: DemoStage = {
  title: 'Lineage: is this model derived from that one?',
  async run({ dir, say }) {
    const { runLineageDemo } = await import('../../lineage/index.js');
    const { lineageMatrixText, renderLineageText } = await import('../../report/lineage-text.js');
    const { renderLineageHtml } = await import('../../report/index.js');
    const demo = await runLineageDemo(join(dir, 'lineage-demo'));
    const short = (s: string) => s.slice(dir.length + 1);
    for (const m of demo.report.models) m.label = short(m.label);
    for (const p of demo.report.pairs) [p.a, p.b] = [short(p.a), short(p.b)];
    for (const line of lineageMatrixText(demo.report).split('\n')) say(`  ${line}`);
    for (const line of renderLineageText(demo.report).split('\n').filter((l) => l.includes('↔') || l.includes('undisclosed'))) say(`  ${line.trim()}`);
    const html = join(dir, 'lineage.html');
    await writeFile(html, renderLineageHtml(demo.report));
    say(`  report: ${html}`);
    return {
      ok: demo.ok,
      summary: demo.ok ? 'the fine-tune is found derived from the base (and flagged for not declaring it); the independent model is not' : 'lineage did not separate the fine-tune from the independent model (see above)',
    };
  },
};
