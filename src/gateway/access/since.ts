/** Reading `--since` and `--expires` values: an ISO date or time, or a duration such as `90m`, `24h`, `7d`. */
import { UsageError } from '../../core/errors.js';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i;

/** A duration like `7d` in ms, or undefined when `text` is not one. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[(m[2] as string).toLowerCase() as keyof typeof UNIT_MS];
}

/**
 * An instant from an ISO date/time or a duration before `nowMs` (`24h` = a day ago).
 *
 * @example
 * parseSince('7d', Date.parse('2025-01-08T00:00:00Z')) // Date.parse('2025-01-01T00:00:00Z')
 */
export function parseSince(text: string, nowMs: number, what = '--since'): number {
  const d = parseDuration(text);
  if (d !== undefined) return nowMs - d;
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new UsageError(`${what} "${text}" is neither a date (2025-01-31, 2025-01-31T12:00Z) nor a duration (90m, 24h, 7d)`);
  return t;
}

/** An expiry as ISO text from an ISO date/time or a duration after `nowMs` (`30d` = thirty days from now). */
export function parseExpiry(text: string, nowMs: number): string {
  const d = parseDuration(text);
  if (d !== undefined) return new Date(nowMs + d).toISOString();
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new UsageError(`--expires "${text}" is neither a date (2025-12-31) nor a duration (30d, 12h)`);
  return new Date(t).toISOString();
}
