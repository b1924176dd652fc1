/**
 * Store throughput: append ROWS results in BATCH-sized appendResults calls to
 * a fresh database, then stream them back; three runs per dialect, median
 * reported. PostgreSQL is measured when MODELGATE_TEST_PG_URL is set (a
 * throwaway schema is created and dropped). Not a timed test.
 *   npx vite-node bench/store.ts
 *   ROWS=200000 BATCH=500 MODELGATE_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/test npx vite-node bench/store.ts
 */
import { postgresHarness, sqliteHarness } from '../src/store/test-support/harness.js';
import type { StoreHarness } from '../src/store/test-support/harness.js';
import { measureThroughput } from '../src/store/test-support/measure.js';
import type { Throughput } from '../src/store/test-support/measure.js';

const ROWS = Number(process.env['ROWS'] ?? 100_000);
const BATCH = Number(process.env['BATCH'] ?? 250);
const RUNS = 3;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function bench(label: string, make: () => Promise<StoreHarness>): Promise<void> {
  const runs: Throughput[] = [];
  for (let i = 0; i < RUNS; i++) {
    const h = await make();
    const store = await h.open();
    try {
      runs.push(await measureThroughput(store, ROWS, BATCH));
    } finally {
      await store.close();
      await h.cleanup();
    }
  }
  const fmt = (n: number): string => n.toLocaleString('en');
  console.log(
    `${label.padEnd(9)} insert ${fmt(median(runs.map((r) => r.insertRowsPerSec)))} rows/s ` +
      `(runs: ${runs.map((r) => fmt(r.insertRowsPerSec)).join(', ')}), ` +
      `iterate ${fmt(median(runs.map((r) => r.iterateRowsPerSec)))} rows/s`,
  );
}

console.log(`${ROWS.toLocaleString('en')} rows in batches of ${BATCH}, median of ${RUNS}`);
await bench('sqlite', sqliteHarness);
const pgUrl = process.env['MODELGATE_TEST_PG_URL'];
if (pgUrl) await bench('postgres', () => postgresHarness(pgUrl));
else console.log('postgres  skipped (set MODELGATE_TEST_PG_URL)');
