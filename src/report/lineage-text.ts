/** Plain-text rendering of a lineage report: the matrix, each pair's verdict and evidence, and findings. */
import type { LineageReport } from '../lineage/index.js';

const ABBREV: Record<string, string> = { identical: '==', derived: 'D', 'same-architecture': 'A', independent: '.' };

/** The pairwise verdict matrix, one row per model. */
export function lineageMatrixText(r: LineageReport): string {
  const labels = r.models.map((m) => m.label);
  const w = Math.max(8, ...labels.map((l) => l.length));
  const verdictOf = (a: string, b: string) => r.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  const head = `${''.padEnd(w)}  ${labels.map((_, i) => `#${i + 1}`.padStart(4)).join('')}`;
  const rows = labels.map((a, i) => `${`#${i + 1} ${a}`.slice(0, w + 4).padEnd(w + 4)}${labels.map((b) => (a === b ? '-' : (ABBREV[verdictOf(a, b)?.verdict ?? ''] ?? '?')).padStart(4)).join('')}`);
  return [head, ...rows, '(D derived, == identical, A same architecture only, . independent)'].join('\n');
}

/**
 * The whole report as text.
 * @example out(renderLineageText(await compareModels(['a', 'b'])));
 */
export function renderLineageText(r: LineageReport): string {
  const lines: string[] = [];
  for (const m of r.models) lines.push(`${m.label}: ${m.format}, ${m.arch.family ?? '?'} ${m.layers} layers, ${m.storage.join('/')}${m.declaredBase ? `, declares base ${m.declaredBase}` : ', declares no base model'}${m.skipped.length ? `, ${m.skipped.length} tensors skipped` : ''}`);
  lines.push('', lineageMatrixText(r), '');
  for (const p of r.pairs) {
    lines.push(`${p.a} ↔ ${p.b}: ${p.verdict.toUpperCase()}${p.kind ? ` (${p.kind})` : ''}`);
    for (const e of p.evidence) lines.push(`  - ${e}`);
    for (const s of Object.values(p.signals)) if (s.note) lines.push(`  ! ${s.id}: ${s.note}`);
  }
  if (r.findings.length) {
    lines.push('', 'Findings:');
    for (const f of r.findings) lines.push(`  [${f.severity}] ${f.ruleId}: ${f.message}`);
  }
  return lines.join('\n');
}
