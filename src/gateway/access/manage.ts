/**
 * What `modelgate keys` and `modelgate spend` do, as library functions the
 * CLI calls (and scripts can too). Each opens the project's store, does one
 * thing and closes it.
 */
import { dirname, join, resolve } from 'node:path';
import type { ApiKeyRecord, ApiKeySpec, SpendRow } from '../access-types.js';
import { openAccess } from './open-access.js';
import type { AccessServices } from './open-access.js';
import { parseSince } from './since.js';
import { spendTotal } from './tables.js';

/** Which store to use: `storeUrl`, else SQLite in the `.modelgate/` folder beside `configPath`. */
export interface ManageOptions {
  configPath?: string;
  storeUrl?: string;
  /** Clock in epoch ms (tests). */
  now?: () => number;
}

/** Open the access services on the project's store for the length of `fn`. */
export async function withAccess<T>(o: ManageOptions, fn: (access: AccessServices) => Promise<T>): Promise<T> {
  // The `.modelgate/` folder beside modelgate.yaml, as `projectPaths` has it; computed here so that importing
  // the access services (which the gateway does) does not load the whole artifacts capability.
  const stateDir = join(dirname(resolve(o.configPath ?? 'modelgate.yaml')), '.modelgate');
  // Management reads no admin key from the environment: it authenticates nobody.
  const access = await openAccess({ stateDir, env: {}, ...(o.storeUrl ? { store: o.storeUrl } : {}), ...(o.now ? { now: o.now } : {}) });
  try {
    return await fn(access);
  } finally {
    await access.close();
  }
}

/** Create a key; the returned `key` is the only time the secret exists outside the client. */
export function createKey(o: ManageOptions & { spec: ApiKeySpec }): Promise<{ key: string; record: ApiKeyRecord }> {
  return withAccess(o, (a) => a.keys.create(o.spec));
}

/** Every key (no secrets). */
export function listKeys(o: ManageOptions = {}): Promise<ApiKeyRecord[]> {
  return withAccess(o, (a) => a.keys.list());
}

/** Revoke a key by id or prefix; false when none matched. */
export function revokeKey(o: ManageOptions & { ref: string }): Promise<boolean> {
  return withAccess(o, (a) => a.keys.revoke(o.ref));
}

/** A spend report, as `modelgate spend` prints it. */
export interface SpendReport {
  by: 'key' | 'route' | 'model';
  /** ISO instant the report starts at, when limited. */
  since?: string;
  rows: SpendRow[];
  total: SpendRow;
  /** For `by: 'key'`: each key id's prefix and name, for display. */
  keys?: Record<string, { prefix: string; name?: string }>;
}

/** Spend grouped by key, route or model since an ISO time or a duration (`7d`). */
export function spendReport(o: ManageOptions & { by?: SpendReport['by']; since?: string }): Promise<SpendReport> {
  const by = o.by ?? 'key';
  return withAccess(o, async (a) => {
    const sinceIso = o.since === undefined ? undefined : new Date(parseSince(o.since, (o.now ?? Date.now)())).toISOString();
    const rows = await a.ledger.spend({ by, ...(sinceIso ? { since: sinceIso } : {}) });
    const report: SpendReport = { by, ...(sinceIso ? { since: sinceIso } : {}), rows, total: spendTotal(rows) };
    if (by === 'key') {
      report.keys = {};
      for (const k of await a.keys.list()) report.keys[k.id] = { prefix: k.prefix, ...(k.name ? { name: k.name } : {}) };
    }
    return report;
  });
}
