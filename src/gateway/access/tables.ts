/** Plain-text tables for `modelgate keys list` and `modelgate spend`. Never shows a secret: records hold none. */
import type { ApiKeyRecord, SpendRow } from '../access-types.js';

/** Columns padded to their widest cell; `right` marks numeric columns. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

/** `active`, `revoked` or `expired` at `nowMs`. */
export function keyStatus(k: ApiKeyRecord, nowMs: number): 'active' | 'revoked' | 'expired' {
  if (k.revokedAt !== undefined) return 'revoked';
  if (k.expiresAt !== undefined && Date.parse(k.expiresAt) <= nowMs) return 'expired';
  return 'active';
}

const day = (iso: string | undefined) => (iso === undefined ? '-' : iso.slice(0, 16).replace('T', ' '));
const opt = (v: number | undefined) => (v === undefined ? '-' : String(v));

/** The key listing. */
export function keysTable(keys: readonly ApiKeyRecord[], nowMs: number): string {
  if (keys.length === 0) return 'No API keys yet. Create one with `modelgate keys create --routes <route,...>`.';
  const rows = keys.map((k) => [
    k.id, `${k.prefix}…`, k.name ?? '-', k.routes.join(','), k.budgetUsd === undefined ? '-' : `$${k.budgetUsd}/${k.budgetPeriod ?? 'total'}`,
    opt(k.rpm), opt(k.tpm), k.admin ? 'yes' : '', day(k.createdAt), day(k.expiresAt), keyStatus(k, nowMs),
  ]);
  return textTable(['ID', 'PREFIX', 'NAME', 'ROUTES', 'BUDGET', 'RPM', 'TPM', 'ADMIN', 'CREATED (UTC)', 'EXPIRES', 'STATUS'], rows, new Set([5, 6]));
}

/** Sum of spend rows. */
export function spendTotal(rows: readonly SpendRow[]): SpendRow {
  const t: SpendRow = { group: 'total', requests: 0, errors: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
  for (const r of rows) {
    t.requests += r.requests;
    t.errors += r.errors;
    t.promptTokens += r.promptTokens;
    t.completionTokens += r.completionTokens;
    t.costUsd += r.costUsd;
  }
  return t;
}

/** The spend report with a total line; `label` turns a group (a key id) into something readable. */
export function spendTable(rows: readonly SpendRow[], by: string, label: (group: string) => string = (g) => g): string {
  if (rows.length === 0) return 'No requests in the ledger for this period.';
  const cells = (r: SpendRow, name: string) => [
    name, String(r.requests), String(r.errors), String(r.promptTokens), String(r.completionTokens), `$${r.costUsd.toFixed(4)}`,
  ];
  const body = rows.map((r) => cells(r, label(r.group)));
  const total = cells(spendTotal(rows), 'TOTAL');
  return textTable([by.toUpperCase(), 'REQUESTS', 'ERRORS', 'PROMPT TOKENS', 'COMPLETION TOKENS', 'COST'], [...body, total], new Set([1, 2, 3, 4, 5]));
}
