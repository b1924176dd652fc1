/**
 * In-memory access services for tests and the demo, which needs no store:
 * keys hashed with sha256, per-minute request limits and budgets, and a
 * ledger that keeps rows in an array. `serve` uses the store-backed ones.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Admission, ApiKeyRecord, ApiKeySpec, KeyService, Ledger, LedgerRow, LimitService, SpendRow } from '../access-types.js';
import type { GatewayAccess } from '../types.js';

const hash = (k: string) => createHash('sha256').update(k).digest('hex');

/** Keys in a Map keyed by the key's hash. */
export class MemoryKeys implements KeyService {
  private readonly byHash = new Map<string, ApiKeyRecord>();
  private n = 0;

  async create(spec: ApiKeySpec): Promise<{ key: string; record: ApiKeyRecord }> {
    const key = `mg_test_${randomBytes(12).toString('hex')}`;
    const record: ApiKeyRecord = { id: `key_${++this.n}`, prefix: key.slice(0, 12), admin: spec.admin ?? false, createdAt: new Date().toISOString(), ...spec, routes: spec.routes };
    this.byHash.set(hash(key), record);
    return { key, record };
  }

  async list(): Promise<ApiKeyRecord[]> {
    return [...this.byHash.values()];
  }

  async revoke(idOrPrefix: string): Promise<boolean> {
    for (const r of this.byHash.values()) {
      if ((r.id === idOrPrefix || r.prefix === idOrPrefix) && !r.revokedAt) {
        r.revokedAt = new Date().toISOString();
        return true;
      }
    }
    return false;
  }

  async authenticate(presented: string): Promise<ApiKeyRecord | undefined> {
    const r = this.byHash.get(hash(presented));
    return r && !r.revokedAt ? r : undefined;
  }
}

/** Requests per minute and a total budget, per key, in one process. */
export class MemoryLimits implements LimitService {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly spent = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  async admit(key: ApiKeyRecord): Promise<Admission> {
    if (key.budgetUsd !== undefined && (this.spent.get(key.id) ?? 0) >= key.budgetUsd) {
      return { ok: false, reason: 'budget', retryAfterSec: 3600, message: `Key ${key.prefix} has used its budget of $${key.budgetUsd}.` };
    }
    if (key.rpm !== undefined) {
      const t = this.now();
      const w = this.windows.get(key.id);
      if (!w || t - w.start >= 60_000) this.windows.set(key.id, { start: t, count: 1 });
      else if (w.count >= key.rpm) return { ok: false, reason: 'rpm', retryAfterSec: Math.ceil((w.start + 60_000 - t) / 1000), message: `Rate limit of ${key.rpm} requests per minute reached.` };
      else w.count++;
    }
    return { ok: true, settle: async ({ costUsd }) => void this.spent.set(key.id, (this.spent.get(key.id) ?? 0) + costUsd) };
  }

  async close(): Promise<void> {}
}

/** Rows in an array; `record` resolves at once. */
export class MemoryLedger implements Ledger {
  readonly rows: LedgerRow[] = [];
  flushes = 0;

  async record(row: LedgerRow): Promise<void> {
    this.rows.push(row);
  }

  async flush(): Promise<void> {
    this.flushes++;
  }

  async spend(query: { by: 'key' | 'route' | 'model'; since?: string }): Promise<SpendRow[]> {
    const groups = new Map<string, SpendRow>();
    for (const r of this.rows) {
      if (query.since && r.ts < query.since) continue;
      const g = (query.by === 'key' ? r.keyId : query.by === 'route' ? r.route : r.model) ?? '(none)';
      const s = groups.get(g) ?? { group: g, requests: 0, errors: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
      s.requests++;
      if (r.status >= 400) s.errors++;
      s.promptTokens += r.promptTokens;
      s.completionTokens += r.completionTokens;
      s.costUsd += r.costUsd;
      groups.set(g, s);
    }
    return [...groups.values()];
  }

  async close(): Promise<void> {}
}

/** The three in-memory services together. */
export function memoryAccess(now?: () => number): GatewayAccess & { keys: MemoryKeys; limits: MemoryLimits; ledger: MemoryLedger } {
  return { keys: new MemoryKeys(), limits: new MemoryLimits(now), ledger: new MemoryLedger() };
}
