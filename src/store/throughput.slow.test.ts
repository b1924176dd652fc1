// Insert throughput and streaming read-back at 100,000 rows. Prints the figures; asserts loosely so it never flakes.
import { describe, expect, it } from 'vitest';
import { dialectCases } from './test-support/harness.js';
import { measureThroughput } from './test-support/measure.js';

const cases = await dialectCases();
/** Rows per run and per appendResults call (the runner sends a few hundred at a time). */
const ROWS = 100_000;
const BATCH = 250;
/** Loose floors: the targets are 50,000 rows/s for SQLite; these only catch a collapse. */
const FLOOR = { sqlite: 5_000, postgres: 1_000 } as const;

describe.each(cases)('%s throughput', (dialect, makeHarness, skip) => {
  it.skipIf(skip !== undefined)(`appends and streams ${ROWS} rows`, { timeout: 120_000 }, async () => {
    const h = await makeHarness();
    const store = await h.open();
    try {
      const t = await measureThroughput(store, ROWS, BATCH);
      console.log(
        `[store throughput] ${dialect}: insert ${t.insertRowsPerSec.toLocaleString('en')} rows/s ` +
          `(batches of ${BATCH}), iterate ${t.iterateRowsPerSec.toLocaleString('en')} rows/s, heap +${t.iterateHeapMiB} MiB while iterating`,
      );
      expect(t.insertRowsPerSec).toBeGreaterThanOrEqual(FLOOR[dialect]);
      expect((await store.getRun('bench'))?.counts.results).toBe(ROWS);
    } finally {
      await store.close();
      await h.cleanup();
    }
  });
});
