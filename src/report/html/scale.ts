/** Axis scales and tick choices for the report's SVG chart. */

/** Maps data values to pixels, with the ticks to draw. */
export interface Scale {
  (value: number): number;
  ticks: number[];
  /** True for a logarithmic axis. */
  log: boolean;
}

/** Use a log axis once the values span this factor (two decades read badly on a linear axis). */
export const LOG_SPAN = 30;

/** Linear scale over `[min, max]` widened to round tick values. */
export function linearScale(min: number, max: number, range: readonly [number, number], tickCount = 5): Scale {
  if (!(max > min)) [min, max] = [min - 0.5, max + 0.5];
  const step = niceStep((max - min) / tickCount);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const scale = ((v: number) => range[0] + ((v - lo) / (hi - lo)) * (range[1] - range[0])) as Scale;
  scale.ticks = [];
  // Multiply rather than accumulate so 0.1 + 0.2 drift never adds or drops a tick.
  for (let i = 0; lo + i * step <= hi + step * 1e-9; i++) scale.ticks.push(round(lo + i * step, step));
  scale.log = false;
  return scale;
}

/** Log10 scale over `[min, max]` (both > 0) widened to whole decades, ticks at 1, 2 and 5 per decade when few decades. */
export function logScale(min: number, max: number, range: readonly [number, number]): Scale {
  const lo = Math.floor(Math.log10(min));
  let hi = Math.ceil(Math.log10(max));
  if (hi === lo) hi = lo + 1;
  const scale = ((v: number) => range[0] + ((Math.log10(v) - lo) / (hi - lo)) * (range[1] - range[0])) as Scale;
  const decades = hi - lo;
  const steps = decades <= 3 ? [1, 2, 5] : [1];
  scale.ticks = [];
  for (let d = lo; d <= hi; d++) for (const s of steps) if (d < hi || s === 1) scale.ticks.push(Number((s * 10 ** d).toPrecision(6)));
  scale.log = true;
  return scale;
}

/** The scale for costs: log when the positive values span at least {@link LOG_SPAN}, else linear from 0. */
export function costScale(values: readonly number[], range: readonly [number, number]): Scale {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return linearScale(0, 1, range);
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  if (max / min >= LOG_SPAN) return logScale(min, max, range);
  return linearScale(0, max, range);
}

function niceStep(raw: number): number {
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

function round(v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(digits));
}
