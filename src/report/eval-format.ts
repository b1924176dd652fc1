/** Number formatting shared by the eval table, HTML report and run comparison, so all three read alike. */
import type { BaselineComparison, Estimate } from '../eval/types.js';

/** `87%`; `n/a` for undefined values. Small fractions keep one decimal. */
export function pct(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const p = x * 100;
  // One decimal below 10% ("2.5% of its cost"), whole percents above; Math.round drops a ".0".
  return `${Math.abs(p) < 10 ? Math.round(p * 10) / 10 : Math.round(p)}%`;
}

/** `87% (81-93%)`. */
export function pctCI(e: Estimate): string {
  if (!Number.isFinite(e.value)) return 'n/a';
  return `${pct(e.value)} (${pct(e.low).replace('%', '')}-${pct(e.high)})`;
}

/** `0.873 (0.812-0.931)`. */
export function scoreCI(e: Estimate): string {
  if (!Number.isFinite(e.value)) return 'n/a';
  return `${fixed(e.value)} (${fixed(e.low)}-${fixed(e.high)})`;
}

/** `+0.021 (-0.010 to +0.052)`: signed, for differences. */
export function diffCI(e: Estimate): string {
  if (!Number.isFinite(e.value)) return 'n/a';
  return `${signed(e.value)} (${signed(e.low)} to ${signed(e.high)})`;
}

/** Three decimals. */
export function fixed(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : 'n/a';
}

/** Three decimals with an explicit sign. */
export function signed(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const s = x.toFixed(3);
  return x >= 0 && !s.startsWith('-') ? `+${s}` : s === '-0.000' ? '+0.000' : s;
}

/** `$12.40`, `$0.10`, `$0.0021`, `$0`: enough digits to tell small per-case costs apart. */
export function usd(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '$0';
  // Cents from a dime up ("$0.10", "$5.00"); below that two significant digits ("$0.0021").
  if (Math.abs(x) >= 0.1) return `$${x.toFixed(2)}`;
  return `$${Number(x.toPrecision(2))}`;
}

/** `812 ms`, `1.24 s`. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x >= 1000) return `${(x / 1000).toFixed(x >= 10_000 ? 1 : 2)} s`;
  return `${Math.round(x)} ms`;
}

/** `950`, `12.3k`, `4.1M`. */
export function count(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

/** `reaches 87% (81-93%) of baseline quality at 14% of its cost`. */
export function qualityAtCost(c: BaselineComparison): string {
  const cost = Number.isFinite(c.costRatio) ? `${pct(c.costRatio)} of its cost` : 'a cost the baseline does not have (baseline cost is 0)';
  if (!Number.isFinite(c.qualityRatio.value)) return `quality ratio undefined (the baseline scored 0), at ${cost}`;
  return `reaches ${pctCI(c.qualityRatio)} of baseline quality at ${cost}`;
}

/** `W/T/L 12/80/8`. */
export function winTieLoss(c: BaselineComparison): string {
  return `W/T/L ${c.wins}/${c.ties}/${c.losses}`;
}

/** Number of disagreeing cases, exact even when the list was capped. */
export function disagreementTotal(c: BaselineComparison): number {
  return c.disagreementCount ?? c.disagreements.length;
}
