/**
 * The lineage HTML report: pairwise similarity matrices (direct cosine,
 * invariant terms, unit alignment) as heat maps, the per-layer fingerprint
 * curves (attention std profile per model, per-layer cosine per pair) as
 * line charts, the verdicts, and the full JSON in a data block.
 */
import type { LineageReport, SignalId } from '../lineage/index.js';
import { escapeHtml, jsonForScript } from './html/escape.js';
import { htmlTable } from './html/sections.js';
import { REPORT_CSS } from './html/style.js';

const PALETTE = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f'];

/** A heat map of one signal's pairwise values (diagonal = 1). */
export function similarityMatrixSvg(r: LineageReport, signal: SignalId, title: string): string {
  const labels = r.models.map((m) => m.label);
  const cell = 44;
  const left = 150;
  const top = 40;
  const size = labels.length * cell;
  const value = (a: string, b: string): number | null => (a === b ? 1 : (r.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.signals[signal].value ?? null));
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${left + size + 10} ${top + size + 10}" width="${left + size + 10}" height="${top + size + 10}" role="img"><title>${escapeHtml(title)}</title>`];
  parts.push(`<text x="${left}" y="16" class="mg-axis-title">${escapeHtml(title)}</text>`);
  labels.forEach((a, i) => {
    parts.push(`<text x="${left - 6}" y="${top + i * cell + cell / 2}" text-anchor="end" dominant-baseline="middle" class="mg-tick">${escapeHtml(a.slice(-22))}</text>`);
    parts.push(`<text x="${left + i * cell + cell / 2}" y="${top - 6}" text-anchor="middle" class="mg-tick">#${i + 1}</text>`);
    labels.forEach((b, j) => {
      const v = value(a, b);
      const shade = v === null ? '#f3f4f6' : `hsl(215 80% ${Math.round(97 - 55 * Math.max(0, Math.min(1, v)))}%)`;
      parts.push(`<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell - 2}" height="${cell - 2}" fill="${shade}"><title>${escapeHtml(`${a} / ${b}: ${v === null ? 'n/a' : v.toFixed(4)}`)}</title></rect>`);
      parts.push(`<text x="${left + j * cell + cell / 2 - 1}" y="${top + i * cell + cell / 2}" text-anchor="middle" dominant-baseline="middle" class="mg-tick">${v === null ? '–' : v.toFixed(2)}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** A line chart of named curves over layer index. */
export function curvesSvg(title: string, curves: readonly { label: string; values: readonly (number | null)[] }[]): string {
  const w = 640;
  const h = 260;
  const m = { l: 50, r: 160, t: 28, b: 30 };
  const all = curves.flatMap((c) => c.values.filter((v): v is number => v !== null));
  if (all.length === 0) return '';
  const lo = Math.min(...all);
  const hi = Math.max(...all) === lo ? lo + 1 : Math.max(...all);
  const n = Math.max(...curves.map((c) => c.values.length));
  const x = (i: number) => m.l + (n > 1 ? (i / (n - 1)) * (w - m.l - m.r) : 0);
  const y = (v: number) => h - m.b - ((v - lo) / (hi - lo)) * (h - m.t - m.b);
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img"><title>${escapeHtml(title)}</title>`];
  parts.push(`<text x="${m.l}" y="16" class="mg-axis-title">${escapeHtml(title)}</text>`);
  parts.push(`<line x1="${m.l}" x2="${w - m.r}" y1="${h - m.b}" y2="${h - m.b}" stroke="#6b7280"/><line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${h - m.b}" stroke="#6b7280"/>`);
  parts.push(`<text x="${m.l - 6}" y="${y(hi)}" text-anchor="end" class="mg-tick">${hi.toFixed(3)}</text><text x="${m.l - 6}" y="${y(lo)}" text-anchor="end" class="mg-tick">${lo.toFixed(3)}</text>`);
  parts.push(`<text x="${(w - m.r + m.l) / 2}" y="${h - 8}" text-anchor="middle" class="mg-tick">layer</text>`);
  curves.forEach((c, k) => {
    const color = PALETTE[k % PALETTE.length] as string;
    const pts = c.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean).join(' ');
    parts.push(`<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="2"/>`);
    parts.push(`<text x="${w - m.r + 8}" y="${m.t + 14 * k}" class="mg-tick" fill="${color}">${escapeHtml(c.label.slice(-24))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function layerCurves(r: LineageReport): { std: string; cosine: string } {
  const std = r.models.map((m) => {
    const p = r.pairs.find((x) => x.a === m.label || x.b === m.label);
    const curves = p?.signals.stdProfile.details.curves as { a: Record<string, (number | null)[]>; b: Record<string, (number | null)[]> } | undefined;
    return { label: m.label, values: (p?.a === m.label ? curves?.a.k : curves?.b.k) ?? [] };
  });
  const cos = r.pairs.map((p) => ({ label: `${p.a} / ${p.b}`, values: ((p.signals.tensorCosine.details.perLayer as { cosine: number | null }[] | undefined) ?? []).map((l) => l.cosine) }));
  return { std: curvesSvg('std of attention K per layer (the 2025 statistic; weak)', std), cosine: curvesSvg('direct cosine per layer, per pair', cos) };
}

/**
 * A self-contained HTML page for a lineage report.
 * @example await writeFile('lineage.html', renderLineageHtml(report));
 */
export function renderLineageHtml(r: LineageReport): string {
  const verdicts = htmlTable(
    ['model A', 'model B', 'verdict', 'direct cosine', 'invariants', 'unit alignment', 'std profile (weak)'],
    r.pairs.map((p) => [p.a, p.b, `${p.verdict}${p.kind ? ` (${p.kind})` : ''}`, ...(['tensorCosine', 'invariants', 'unitAlignment', 'stdProfile'] as const).map((s) => ({ text: p.signals[s].value?.toFixed(4) ?? 'n/a', num: true }))]),
  );
  const findings = r.findings.map((f) => `<li><strong>${escapeHtml(f.ruleId)}</strong>: ${escapeHtml(f.message)}</li>`).join('');
  const curves = layerCurves(r);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>modelgate lineage</title><style>${REPORT_CSS}</style></head><body>
<h1>Model lineage</h1>
<section><h2>Similarity matrices</h2>
${similarityMatrixSvg(r, 'tensorCosine', 'direct tensor cosine')}
${similarityMatrixSvg(r, 'invariants', 'invariant terms (permutation-proof)')}
${similarityMatrixSvg(r, 'unitAlignment', 'unit alignment, held-out')}
</section>
<section><h2>Per-layer fingerprints</h2>${curves.std}${curves.cosine}</section>
<section><h2>Verdicts</h2>${verdicts}</section>
${findings ? `<section><h2>Findings</h2><ul>${findings}</ul></section>` : ''}
<script type="application/json" id="mg-lineage-data">${jsonForScript(r)}</script>
</body></html>
`;
}
