// A gateway SIGKILLed mid-load loses no ledger row whose record() had resolved, and never holds a row twice.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../store/test-support/harness.js';
import type { StoreHarness } from '../../../store/test-support/harness.js';
import { childExit, spawnScript } from '../test-support/child.js';

const cases = await dialectCases();

/** Run the load child until `target` rows are acknowledged, SIGKILL it, and return the acknowledged row numbers. */
async function killUnderLoad(h: StoreHarness, target: number): Promise<Set<number>> {
  const child = spawnScript('ledger-child.ts', [h.url, h.schema ?? '-', 'load']);
  const acked = new Set<number>();
  let partial = '';
  let killing: NodeJS.Timeout | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('ok ')) acked.add(Number(line.slice(3)));
    // Kill at a random moment after the target, so it lands mid-batch as often as between batches.
    if (acked.size >= target && !killing) killing = setTimeout(() => child.kill('SIGKILL'), Math.random() * 20);
  });
  const exit = await childExit(child);
  if (exit.signal !== 'SIGKILL') throw new Error(`the load child exited on its own (code ${exit.code}):\n${exit.stderr}`);
  return acked;
}

describe.each(cases)('%s ledger crash safety', (dialect, makeHarness, skip) => {
  describe.skipIf(skip !== undefined)('SIGKILL under load', () => {
    let h: StoreHarness;
    beforeEach(async () => {
      h = await makeHarness();
      await (await h.open()).close(); // migrate before the child starts, so the kill lands mid-load, not mid-migration
    });
    afterEach(() => h.cleanup());

    it('keeps every acknowledged row, exactly once, and a replay adds no duplicate', { timeout: 90_000 }, async () => {
      const acked = await killUnderLoad(h, 3_000);
      if (dialect === 'sqlite') expect(existsSync(`${h.url}-wal`)).toBe(true); // recovery from the WAL is what is tested
      const rows = await h.query('SELECT request_id FROM ledger');
      const stored = new Set(rows.map((r) => Number(String(r['request_id']).slice(4))));
      expect(stored.size).toBe(rows.length);
      const missing = [...acked].filter((n) => !stored.has(n));
      expect(missing).toEqual([]);
      // Rows committed but not yet acknowledged when the kill landed are kept too: at most the in-flight ones.
      expect(stored.size).toBeGreaterThanOrEqual(acked.size);

      // A restarted gateway that re-sends requests it is unsure about leaves one row each.
      const upTo = Math.max(...stored) + 1;
      const again = await childExit(spawnScript('ledger-child.ts', [h.url, h.schema ?? '-', 'again', String(upTo + 100)]));
      expect(again.stdout).toContain('done');
      const [after] = await h.query('SELECT count(*) AS n, count(DISTINCT request_id) AS d FROM ledger');
      expect(Number(after?.['n'])).toBe(upTo + 100);
      expect(Number(after?.['d'])).toBe(Number(after?.['n']));
      if (dialect === 'sqlite') expect(await h.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    });
  });
});
