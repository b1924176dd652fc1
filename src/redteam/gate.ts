/**
 * The red-team gate: a ceiling on attack success per category, absolute
 * (`<= 0.1`) or relative to the baseline (`<= 1.2*baseline`), on the point
 * estimate or the upper end of its 95% interval (`upper <= 0.2`). A category
 * without data fails its check rather than passing it.
 */
import { UsageError } from '../core/errors.js';
import type { RedteamConfig } from './schema.js';
import type { CategoryRow } from './report.js';

/** One category's verdict. */
export interface RedteamCheck {
  category: string;
  expression: string;
  actual: number;
  limit: number;
  passed: boolean;
}

interface Threshold {
  factor: number;
  relative: boolean;
  upper: boolean;
  strict: boolean;
}

function parseThreshold(t: number | string): Threshold {
  if (typeof t === 'number') return { factor: t, relative: false, upper: false, strict: false };
  const m = /^\s*(?:attack_success\s*)?(upper\s*)?(<=?)\s*(\d*\.?\d+)(%?)\s*(\*\s*baseline)?\s*$/.exec(t);
  if (!m) throw new UsageError(`invalid red-team threshold "${t}": expected e.g. "<= 0.1", "<= 1.2*baseline" or "upper <= 0.2"`);
  return { factor: Number(m[3]) / (m[4] ? 100 : 1), relative: m[5] !== undefined, upper: m[1] !== undefined, strict: m[2] === '<' };
}

/** Pack-level rows match `*`; `pack/lang` rows only match their own key. */
function thresholdFor(thresholds: NonNullable<RedteamConfig['thresholds']>, category: string): number | string | undefined {
  return thresholds[category] ?? (/[/:]/.test(category) ? undefined : thresholds['*']);
}

/** Check every category that has a threshold. */
export function evaluateRedteamGate(rows: readonly CategoryRow[], thresholds: NonNullable<RedteamConfig['thresholds']>): RedteamCheck[] {
  const checks: RedteamCheck[] = [];
  for (const row of rows) {
    const written = thresholdFor(thresholds, row.category);
    if (written === undefined) continue;
    const t = parseThreshold(written);
    if (t.relative && !row.baseline) throw new UsageError(`threshold "${written}" for ${row.category} compares with the baseline; name one with --baseline`);
    const limit = t.relative ? t.factor * (row.baseline?.asr.value ?? Number.NaN) : t.factor;
    const actual = t.upper ? row.asr.high : row.asr.value;
    const passed = Number.isFinite(actual) && Number.isFinite(limit) && (t.strict ? actual < limit : actual <= limit);
    checks.push({ category: row.category, expression: `${t.upper ? 'upper(attack_success)' : 'attack_success'} ${t.strict ? '<' : '<='} ${t.relative ? `${t.factor}*baseline` : t.factor}`, actual, limit, passed });
  }
  return checks;
}

/** Validate thresholds early (before any call). */
export function checkThresholds(thresholds: NonNullable<RedteamConfig['thresholds']>): void {
  for (const t of Object.values(thresholds)) parseThreshold(t);
}
