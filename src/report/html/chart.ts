/**
 * The quality-versus-cost scatter: x is cost per case (log when costs span
 * decades, as local and hosted models usually do), y is mean score with its
 * 95% interval as a whisker. The baseline is drawn larger, in its own colour,
 * with a dashed line at its score, so "above the line and to the left" reads
 * as "as good and cheaper" at a glance.
 */
import type { Estimate } from '../../eval/types.js';
import { usd } from '../eval-format.js';
import { escapeHtml } from './escape.js';
import { costScale, linearScale, type Scale } from './scale.js';

/** One model on the chart. */
export interface ChartPoint {
  label: string;
  /** Cost per case in USD. */
  cost: number;
  score: Estimate;
  baseline?: boolean;
  /** The model fell short of the gate. */
  failedGate?: boolean;
}

/** Chart size in CSS pixels. */
export interface ChartOptions {
  width?: number;
  height?: number;
}

const COLORS = { candidate: '#2563eb', baseline: '#d97706', failed: '#dc2626', grid: '#e5e7eb', axis: '#6b7280' };
const MARGIN = { left: 64, right: 170, top: 28, bottom: 56 };
/** Width of the lane left of a log axis where zero-cost (local) models sit. */
const FREE_LANE = 60;

/**
 * Render the chart as an inline SVG string (all text escaped).
 * @example renderQualityCostChart([{ label: 'big', cost: 0.01, score, baseline: true }])
 */
export function renderQualityCostChart(points: readonly ChartPoint[], options: ChartOptions = {}): string {
  const width = options.width ?? 900;
  const height = options.height ?? 420;
  const plotted = points.filter((p) => Number.isFinite(p.score.value) && Number.isFinite(p.cost) && p.cost >= 0);
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const bottom = height - MARGIN.bottom;
  const costs = plotted.map((p) => p.cost);
  let x = costScale(costs, [left, right]);
  const hasFree = x.log && costs.some((c) => c === 0);
  if (hasFree) x = costScale(costs, [left + FREE_LANE, right]);
  const y = scoreScale(plotted, [bottom, MARGIN.top]);
  const at = (p: ChartPoint): number => (p.cost === 0 && x.log ? left + FREE_LANE / 3 : x(p.cost));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="mg-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="mg-chart-title">`,
    '<title id="mg-chart-title">Mean score (95% CI) against cost per case</title>',
    axes(x, y, { left, right, top: MARGIN.top, bottom, width, height, hasFree }),
    baselineLine(plotted, y, left, right),
    ...plotted.map((p) => marker(p, at(p), y)),
    labels(plotted, at, y),
    legend(left, 12),
    '</svg>',
  ];
  return parts.join('\n');
}

function scoreScale(points: readonly ChartPoint[], range: readonly [number, number]): Scale {
  const lows = points.map((p) => (Number.isFinite(p.score.low) ? p.score.low : p.score.value));
  const highs = points.map((p) => (Number.isFinite(p.score.high) ? p.score.high : p.score.value));
  if (lows.length === 0) return linearScale(0, 1, range);
  let lo = Math.max(0, Math.min(...lows));
  let hi = Math.min(1, Math.max(...highs));
  // Keep at least 0.1 of score visible so a tight cluster is not blown up into apparent gaps.
  if (hi - lo < 0.1) [lo, hi] = [Math.max(0, (lo + hi) / 2 - 0.05), Math.min(1, (lo + hi) / 2 + 0.05)];
  return linearScale(lo, hi, range);
}

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
  hasFree: boolean;
}

function axes(x: Scale, y: Scale, f: Frame): string {
  const out: string[] = [];
  for (const t of y.ticks) {
    const py = y(t).toFixed(1);
    out.push(`<line x1="${f.left}" x2="${f.right}" y1="${py}" y2="${py}" stroke="${COLORS.grid}"/>`);
    out.push(`<text x="${f.left - 8}" y="${py}" text-anchor="end" dominant-baseline="middle" class="mg-tick">${t.toFixed(2)}</text>`);
  }
  const xTicks = x.log && x.ticks.length > 8 ? x.ticks.filter((_, i) => i % 2 === 0) : x.ticks;
  for (const t of xTicks) {
    const px = x(t).toFixed(1);
    out.push(`<line x1="${px}" x2="${px}" y1="${f.top}" y2="${f.bottom}" stroke="${COLORS.grid}"/>`);
    out.push(`<text x="${px}" y="${f.bottom + 18}" text-anchor="middle" class="mg-tick">${escapeHtml(usd(t))}</text>`);
  }
  if (f.hasFree) {
    const px = f.left + FREE_LANE / 3;
    out.push(`<text x="${px}" y="${f.bottom + 18}" text-anchor="middle" class="mg-tick">$0</text>`);
    // A break mark: the $0 lane is not on the log axis.
    out.push(`<path d="M${f.left + FREE_LANE - 10} ${f.bottom + 5} l6 -10 M${f.left + FREE_LANE - 5} ${f.bottom + 5} l6 -10" stroke="${COLORS.axis}"/>`);
  }
  out.push(`<line x1="${f.left}" x2="${f.right}" y1="${f.bottom}" y2="${f.bottom}" stroke="${COLORS.axis}"/>`);
  out.push(`<line x1="${f.left}" x2="${f.left}" y1="${f.top}" y2="${f.bottom}" stroke="${COLORS.axis}"/>`);
  const xTitle = `cost per case (USD${x.log ? ', log scale' : ''})`;
  out.push(`<text x="${(f.left + f.right) / 2}" y="${f.height - 12}" text-anchor="middle" class="mg-axis-title">${xTitle}</text>`);
  out.push(`<text transform="translate(16 ${(f.top + f.bottom) / 2}) rotate(-90)" text-anchor="middle" class="mg-axis-title">mean score (95% CI)</text>`);
  return out.join('\n');
}

function baselineLine(points: readonly ChartPoint[], y: Scale, left: number, right: number): string {
  const base = points.find((p) => p.baseline);
  if (!base) return '';
  const py = y(base.score.value).toFixed(1);
  return `<line x1="${left}" x2="${right}" y1="${py}" y2="${py}" stroke="${COLORS.baseline}" stroke-dasharray="5 4" opacity="0.7"><title>baseline score ${base.score.value.toFixed(3)}</title></line>`;
}

function colorOf(p: ChartPoint): string {
  return p.baseline ? COLORS.baseline : p.failedGate ? COLORS.failed : COLORS.candidate;
}

function marker(p: ChartPoint, px: number, y: Scale): string {
  const c = colorOf(p);
  const cx = px.toFixed(1);
  const tip = escapeHtml(`${p.label}: score ${p.score.value.toFixed(3)} (${p.score.low.toFixed(3)}-${p.score.high.toFixed(3)}), ${usd(p.cost)} per case`);
  const out = [`<g class="mg-point"><title>${tip}</title>`];
  if (Number.isFinite(p.score.low) && Number.isFinite(p.score.high)) {
    const [y1, y2] = [y(p.score.low).toFixed(1), y(p.score.high).toFixed(1)];
    out.push(`<line x1="${cx}" x2="${cx}" y1="${y1}" y2="${y2}" stroke="${c}" stroke-width="2"/>`);
    out.push(`<line x1="${px - 5}" x2="${px + 5}" y1="${y1}" y2="${y1}" stroke="${c}" stroke-width="2"/>`);
    out.push(`<line x1="${px - 5}" x2="${px + 5}" y1="${y2}" y2="${y2}" stroke="${c}" stroke-width="2"/>`);
  }
  const cy = y(p.score.value).toFixed(1);
  if (p.baseline) out.push(`<circle cx="${cx}" cy="${cy}" r="10" fill="none" stroke="${c}" stroke-width="2"/>`);
  out.push(`<circle cx="${cx}" cy="${cy}" r="${p.baseline ? 6 : 5}" fill="${c}" stroke="#fff" stroke-width="1.5"/>`);
  out.push('</g>');
  return out.join('');
}

/** Labels right of their points, nudged apart vertically so neighbours do not overprint. */
function labels(points: readonly ChartPoint[], at: (p: ChartPoint) => number, y: Scale): string {
  const placed = points.map((p) => ({ p, x: at(p) + 14, y0: y(p.score.value), y: y(p.score.value) })).sort((a, b) => a.y0 - b.y0);
  for (let i = 1; i < placed.length; i++) {
    const prev = placed[i - 1] as (typeof placed)[number];
    const cur = placed[i] as (typeof placed)[number];
    if (Math.abs(cur.x - prev.x) < 120 && cur.y - prev.y < 15) cur.y = prev.y + 15;
  }
  return placed
    .map(({ p, x, y0, y: ly }) => {
      const leader = Math.abs(ly - y0) > 2 ? `<line x1="${x - 12}" y1="${y0.toFixed(1)}" x2="${x - 2}" y2="${ly.toFixed(1)}" stroke="${COLORS.axis}" stroke-width="0.75"/>` : '';
      const suffix = p.baseline ? ' (baseline)' : p.failedGate ? ' ✗ gate' : '';
      return `${leader}<text x="${x.toFixed(1)}" y="${ly.toFixed(1)}" dominant-baseline="middle" class="mg-label" fill="${colorOf(p)}">${escapeHtml(p.label + suffix)}</text>`;
    })
    .join('\n');
}

function legend(x: number, y: number): string {
  const items: [string, string][] = [
    [COLORS.baseline, 'baseline'],
    [COLORS.candidate, 'candidate'],
    [COLORS.failed, 'fails the gate'],
  ];
  return items
    .map(([c, t], i) => `<circle cx="${x + 6 + i * 110}" cy="${y}" r="5" fill="${c}"/><text x="${x + 16 + i * 110}" y="${y}" dominant-baseline="middle" class="mg-tick">${t}</text>`)
    .join('\n');
}
