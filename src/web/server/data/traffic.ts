/**
 * Gateway traffic over time from the ledger: requests, errors, fallbacks, spend and latency
 * percentiles per time bucket, grouped by key, route or model. Rows are read in the window
 * (capped) and aggregated here, so SQLite and PostgreSQL share one code path.
 */
import { PostgresStore, SqliteStore } from '../../../store/index.js';
import type { Store } from '../../../store/index.js';

/** What the traffic is grouped by. */
export type TrafficBy = 'key' | 'route' | 'model';

/** One time bucket of one group. */
export interface TrafficBucket {
  t: number;
  group: string;
  requests: number;
  errors: number;
  fallbacks: number;
  costUsd: number;
  p50: number;
  p95: number;
}

/** The traffic answer. */
export interface Traffic {
  by: TrafficBy;
  sinceMs: number;
  bucketMs: number;
  groups: string[];
  buckets: TrafficBucket[];
  totals: { requests: number; errors: number; fallbacks: number; costUsd: number };
  truncated: boolean;
}

const COLUMN: Record<TrafficBy, string> = { key: 'key_id', route: 'route', model: 'model' };
const MAX_ROWS = 200_000;

interface Row {
  ts_ms: number | string;
  grp: string | null;
  latency_ms: number;
  status: number;
  outcome: string;
  cost_usd: number;
}

async function readRows(store: Store, by: TrafficBy, sinceMs: number): Promise<Row[]> {
  const sql = (p: string) => `SELECT ts_ms, ${COLUMN[by]} AS grp, latency_ms, status, outcome, cost_usd FROM ledger WHERE ts_ms >= ${p} ORDER BY ts_ms LIMIT ${MAX_ROWS}`;
  if (store instanceof SqliteStore) return store.database.prepare(sql('?')).all(sinceMs) as Row[];
  if (store instanceof PostgresStore) return (await store.pool.query<Row>(sql('$1'), [sinceMs])).rows;
  return [];
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** A bucket size giving about 60 buckets over the window, rounded to a minute, hour or day. */
export function bucketFor(spanMs: number): number {
  const raw = spanMs / 60;
  for (const step of [60_000, 5 * 60_000, 15 * 60_000, 3_600_000, 6 * 3_600_000, 86_400_000]) if (raw <= step) return step;
  return 86_400_000;
}

/** Traffic since `sinceMs`, bucketed and grouped. */
export async function traffic(store: Store, by: TrafficBy, sinceMs: number, nowMs: number): Promise<Traffic> {
  const rows = await readRows(store, by, sinceMs);
  // buckets sized to the data actually in the window, so a quiet week still draws a line
  const firstMs = rows[0] === undefined ? sinceMs : Math.max(sinceMs, Number(rows[0].ts_ms));
  const bucketMs = bucketFor(Math.max(60_000, nowMs - firstMs));
  const cells = new Map<string, { t: number; group: string; lat: number[]; b: TrafficBucket }>();
  const totals = { requests: 0, errors: 0, fallbacks: 0, costUsd: 0 };
  for (const r of rows) {
    const t = Math.floor(Number(r.ts_ms) / bucketMs) * bucketMs;
    const group = r.grp ?? '(none)';
    const id = `${t}|${group}`;
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = { t, group, lat: [], b: { t, group, requests: 0, errors: 0, fallbacks: 0, costUsd: 0, p50: 0, p95: 0 } }));
    const error = r.status >= 400 ? 1 : 0;
    const fallback = r.outcome === 'fallback' ? 1 : 0;
    cell.b.requests++;
    cell.b.errors += error;
    cell.b.fallbacks += fallback;
    cell.b.costUsd += Number(r.cost_usd);
    cell.lat.push(Number(r.latency_ms));
    totals.requests++;
    totals.errors += error;
    totals.fallbacks += fallback;
    totals.costUsd += Number(r.cost_usd);
  }
  const buckets = [...cells.values()].map((c) => {
    c.lat.sort((x, y) => x - y);
    return { ...c.b, p50: percentile(c.lat, 0.5), p95: percentile(c.lat, 0.95) };
  });
  const groups = [...new Set(buckets.map((b) => b.group))].sort();
  return { by, sinceMs, bucketMs, groups, buckets: buckets.sort((x, y) => x.t - y.t || x.group.localeCompare(y.group)), totals, truncated: rows.length >= MAX_ROWS };
}
