// The ledger against both store dialects: batched rows, exactly one per request, spend reports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../store/test-support/harness.js';
import type { StoreHarness } from '../../../store/test-support/harness.js';
import type { Store } from '../../../store/index.js';
import { openAccess } from '../open-access.js';
import type { AccessServices } from '../open-access.js';
import { makeLedgerRow } from '../test-support/ledger-fixtures.js';

const cases = await dialectCases();
const NOW = Date.parse('2025-03-01T12:00:10Z');

describe.each(cases)('%s ledger', (dialect, makeHarness, skip) => {
  describe.skipIf(skip !== undefined)('record and spend', () => {
    let h: StoreHarness;
    let store: Store;
    let a: AccessServices;
    beforeEach(async () => {
      h = await makeHarness();
      store = await h.open();
      a = await openAccess({ store, env: {}, now: () => NOW });
    });
    afterEach(async () => {
      await a.close();
      await store.close();
      await h.cleanup();
    });

    it('stores every field and round-trips the optional ones', async () => {
      await Promise.all([makeLedgerRow(0, { shadow: 'cand-a', keyId: undefined, deployment: undefined, model: undefined }), makeLedgerRow(1)].map((r) => a.ledger.record(r)));
      const rows = await h.query('SELECT * FROM ledger ORDER BY request_id');
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ request_id: 'req-0', key_id: null, deployment: null, model: null, shadow: 'cand-a', route: 'chat', status: 200, outcome: 'fallback' });
      expect(rows[1]).toMatchObject({ request_id: 'req-1', key_id: 'key_1', model: 'llama-3.1-8b', prompt_tokens: 101, completion_tokens: 50, fallback_path: 'primary:ok' });
      expect(Number(rows[1]?.['ts_ms'])).toBe(Date.parse(makeLedgerRow(1).ts));
      expect(rows[0]?.['stream']).toBe(dialect === 'sqlite' ? 1 : true);
    });

    it('keeps exactly one row per request id, even when a row is recorded twice', async () => {
      const rows = Array.from({ length: 300 }, (_, i) => makeLedgerRow(i));
      await Promise.all(rows.map((r) => a.ledger.record(r)));
      await Promise.all(rows.slice(0, 50).map((r) => a.ledger.record({ ...r, costUsd: 99 })));
      const [count] = await h.query('SELECT count(*) AS n, count(DISTINCT request_id) AS d, sum(cost_usd) AS c FROM ledger');
      expect(Number(count?.['n'])).toBe(300);
      expect(Number(count?.['d'])).toBe(300);
      expect(Number(count?.['c'])).toBeCloseTo(270 * 0.0002, 10);
    });

    it('reports spend by key, route and model, with errors and a since filter', async () => {
      await Promise.all(Array.from({ length: 30 }, (_, i) => a.ledger.record(makeLedgerRow(i))));
      const byKey = await a.ledger.spend({ by: 'key' });
      expect(byKey.map((r) => r.group).sort()).toEqual(['key_0', 'key_1', 'key_2']);
      expect(byKey.reduce((s, r) => s + r.requests, 0)).toBe(30);
      expect(byKey.reduce((s, r) => s + r.errors, 0)).toBe(3);
      const byRoute = await a.ledger.spend({ by: 'route' });
      expect(byRoute.find((r) => r.group === 'chat')).toMatchObject({ requests: 10, promptTokens: 10 * 100 + [0, 3, 6, 2, 5, 1, 4, 0, 3, 6].reduce((x, y) => x + y, 0) });
      const byModel = await a.ledger.spend({ by: 'model' });
      expect(byModel.map((r) => r.group).sort()).toEqual(['llama-3.1-8b', 'qwen2.5-7b']);
      expect(byModel.reduce((s, r) => s + r.costUsd, 0)).toBeCloseTo(27 * 0.0002, 10);
      // Rows are 1 ms apart from 12:00:00.000; "10s" back from 12:00:10 starts at 12:00:00, `since` ISO at row 20.
      expect((await a.ledger.spend({ by: 'key', since: '10s' })).reduce((s, r) => s + r.requests, 0)).toBe(30);
      expect((await a.ledger.spend({ by: 'key', since: makeLedgerRow(20).ts })).reduce((s, r) => s + r.requests, 0)).toBe(10);
      await a.ledger.record(makeLedgerRow(99, { keyId: undefined, model: undefined }));
      expect((await a.ledger.spend({ by: 'model' })).some((r) => r.group === '(none)')).toBe(true);
    });

    it('sums a key\'s spend since an instant, for budgets after a restart', async () => {
      await Promise.all(Array.from({ length: 30 }, (_, i) => a.ledger.record(makeLedgerRow(i))));
      // key_0 has rows 0, 3, …, 27; row 9 failed and cost nothing.
      expect(await a.ledger.spentSince('key_0', 0)).toBeCloseTo(9 * 0.0002, 10);
      expect(await a.ledger.spentSince('key_0', Date.parse(makeLedgerRow(15).ts))).toBeCloseTo(5 * 0.0002, 10);
      expect(await a.ledger.spentSince('nobody', 0)).toBe(0);
    });

    it('refuses malformed rows at once and scrubs anything shaped like a key', async () => {
      await expect(a.ledger.record(makeLedgerRow(1, { requestId: '' }))).rejects.toThrow(/requestId/);
      await expect(a.ledger.record(makeLedgerRow(2, { ts: 'yesterday' }))).rejects.toThrow(/not a date/);
      await expect(a.ledger.record(makeLedgerRow(3, { costUsd: Number.NaN }))).rejects.toThrow(/costUsd/);
      const secret = `mg_${'Q'.repeat(40)}`;
      await a.ledger.record(makeLedgerRow(4, { route: `leak-${secret}`, shadow: `{"auth":"${secret}"}` }));
      const rows = await h.query('SELECT route, shadow FROM ledger');
      expect(JSON.stringify(rows)).not.toContain(secret);
      expect(rows[0]?.['route']).toBe('leak-mg_[redacted]');
    });
  });
});
