// A writer SIGKILLed mid-run loses at most its open batch: committed rows survive and the file stays sound.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHILD_BATCH } from './test-support/fixtures.js';
import { dialectCases } from './test-support/harness.js';
import type { StoreHarness } from './test-support/harness.js';
import { childExit, spawnStoreChild } from './test-support/spawn-child.js';

const cases = await dialectCases();

/** Kill the child with SIGKILL as soon as it reports `target` committed rows; resolve with the last count seen. */
async function killAfter(h: StoreHarness, target: number): Promise<number> {
  const child = spawnStoreChild('write', h.url, h.schema);
  let committed = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (const m of chunk.toString().matchAll(/committed (\d+)/g)) committed = Math.max(committed, Number(m[1]));
    if (committed >= target) child.kill('SIGKILL');
  });
  const exit = await childExit(child);
  if (exit.signal !== 'SIGKILL') throw new Error(`writer exited on its own (code ${exit.code}):\n${exit.stderr}`);
  return committed;
}

describe.each(cases)('%s crash safety', (dialect, makeHarness, skip) => {
  describe.skipIf(skip !== undefined)('SIGKILL after a committed batch', () => {
    let h: StoreHarness;
    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(() => h.cleanup());

    it('keeps every committed row and consistent counts', { timeout: 60_000 }, async () => {
      const committed = await killAfter(h, 10 * CHILD_BATCH);
      // The kill lands with the WAL still holding recent commits: recovery, not a clean checkpoint, is under test.
      if (dialect === 'sqlite') expect(existsSync(`${h.url}-wal`)).toBe(true);

      const store = await h.open();
      try {
        const run = await store.getRun('crash');
        const n = run?.counts.results ?? 0;
        expect(n).toBeGreaterThanOrEqual(committed);
        expect(n % CHILD_BATCH).toBe(0);
        let rows = 0;
        for await (const _ of store.iterateResults('crash')) rows += 1;
        expect(rows).toBe(n);
      } finally {
        await store.close();
      }
      if (dialect === 'sqlite') expect(await h.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    });
  });
});
