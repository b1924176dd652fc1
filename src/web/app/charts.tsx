/** SVG charts drawn by hand: a scatter (quality versus cost) and a multi-series line chart. */
import type { ComponentChildren } from 'preact';

/** A colour per series index. */
export const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];
export const color = (i: number): string => PALETTE[i % PALETTE.length] ?? '#000';

const W = 640;
const H = 280;
const M = { l: 56, r: 44, t: 16, b: 40 };

function scale(min: number, max: number, from: number, to: number): (v: number) => number {
  const span = max - min || 1;
  return (v) => from + ((v - min) / span) * (to - from);
}

function niceTicks(min: number, max: number, n = 5): number[] {
  if (max <= min) return [min];
  return Array.from({ length: n + 1 }, (_, i) => min + ((max - min) * i) / n);
}

function Frame(props: { xLabel: string; yLabel: string; children: ComponentChildren; label: string; xTicks: [number, string][]; yTicks: [number, string][] }) {
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.label}>
      <rect x={M.l} y={M.t} width={W - M.l - M.r} height={H - M.t - M.b} fill="#fafafa" stroke="#d4d4d8" />
      {props.yTicks.map(([y, t]) => (
        <g key={`y${t}`}>
          <line x1={M.l} x2={W - M.r} y1={y} y2={y} stroke="#e4e4e7" />
          <text x={M.l - 6} y={y + 4} text-anchor="end" class="tick">{t}</text>
        </g>
      ))}
      {props.xTicks.map(([x, t]) => (
        <text key={`x${t}`} x={x} y={H - M.b + 16} text-anchor="middle" class="tick">{t}</text>
      ))}
      <text x={(W + M.l) / 2} y={H - 6} text-anchor="middle" class="axis">{props.xLabel}</text>
      <text x={14} y={(H - M.b) / 2} text-anchor="middle" class="axis" transform={`rotate(-90 14 ${(H - M.b) / 2})`}>{props.yLabel}</text>
      {props.children}
    </svg>
  );
}

/** One point of a scatter. */
export interface ScatterPoint {
  x: number;
  y: number;
  label: string;
  href?: string;
}

/** Quality (y, 0..1) against cost (x) with one labelled dot per model. */
export function Scatter(props: { points: ScatterPoint[]; xLabel: string; yLabel: string; fmtX: (v: number) => string }) {
  const maxX = Math.max(...props.points.map((p) => p.x), 0) * 1.15 || 1;
  const sx = scale(0, maxX, M.l, W - M.r);
  const sy = scale(0, 1, H - M.b, M.t);
  return (
    <Frame label="quality versus cost" xLabel={props.xLabel} yLabel={props.yLabel} xTicks={niceTicks(0, maxX, 4).map((v) => [sx(v), props.fmtX(v)])} yTicks={niceTicks(0, 1, 4).map((v) => [sy(v), `${Math.round(v * 100)}%`])}>
      {props.points.map((p, i) => {
        const dot = (
          <g>
            <circle cx={sx(p.x)} cy={sy(p.y)} r={6} fill={color(i)} opacity={0.85}>
              <title>{`${p.label}: ${Math.round(p.y * 100)}% at ${props.fmtX(p.x)}`}</title>
            </circle>
            <text x={sx(p.x) + 9} y={sy(p.y) + 4} class="point-label">{p.label}</text>
          </g>
        );
        return p.href ? <a key={p.label} href={p.href}>{dot}</a> : <g key={p.label}>{dot}</g>;
      })}
    </Frame>
  );
}

/** A named series of (time, value) points. */
export interface Series {
  name: string;
  points: [number, number][];
}

/** Lines over time, one per series, with a legend. */
export function LineChart(props: { series: Series[]; yLabel: string; fmtY: (v: number) => string; from: number; to: number }) {
  const all = props.series.flatMap((s) => s.points);
  const maxY = Math.max(...all.map((p) => p[1]), 0) * 1.1 || 1;
  const sx = scale(props.from, props.to, M.l, W - M.r);
  const sy = scale(0, maxY, H - M.b, M.t);
  const fmtT = (t: number) => new Date(t).toISOString().slice(5, 16).replace('T', ' ');
  return (
    <div class="linechart">
      <Frame label={props.yLabel} xLabel="time (UTC)" yLabel={props.yLabel} xTicks={niceTicks(props.from, props.to, 3).map((t) => [sx(t), fmtT(t)])} yTicks={niceTicks(0, maxY, 4).map((v) => [sy(v), props.fmtY(v)])}>
        {props.series.map((s, i) => (
          <g key={s.name}>
            <polyline fill="none" stroke={color(i)} stroke-width={2} points={s.points.map(([t, v]) => `${sx(t)},${sy(v)}`).join(' ')} />
            {s.points.map(([t, v]) => (
              <circle key={t} cx={sx(t)} cy={sy(v)} r={3} fill={color(i)}>
                <title>{`${s.name} ${fmtT(t)}: ${props.fmtY(v)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </Frame>
      <div class="legend">
        {props.series.map((s, i) => (
          <span key={s.name}>
            <i style={{ background: color(i) }} />
            {s.name}
          </span>
        ))}
      </div>
    </div>
  );
}
