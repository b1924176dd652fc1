/**
 * Access-service figures for the README (a script, not a timed test):
 *   npx vite-node src/gateway/access/test-support/bench.ts
 * PostgreSQL and Redis are measured when MODELGATE_TEST_PG_URL / MODELGATE_TEST_REDIS_URL are set.
 * Ledger: 50,000 durable record() calls per configuration; limits: 50,000 admit+settle pairs.
 */
import { randomBytes } from 'node:crypto';
import { postgresHarness, sqliteHarness } from '../../../store/test-support/harness.js';
import type { StoreHarness } from '../../../store/test-support/harness.js';
import { BatchedLedger } from '../ledger/batched-ledger.js';
import type { LedgerOptions } from '../ledger/batched-ledger.js';
import { PgLedgerDb } from '../ledger/pg-ledger.js';
import { SqliteLedgerDb } from '../ledger/sqlite-ledger.js';
import { MemoryLimitService } from '../limits/memory-limits.js';
import { connectRedis } from '../limits/redis-connect.js';
import { RedisLimitService } from '../limits/redis-limits.js';
import { SqliteStore } from '../../../store/index.js';
import type { PostgresStore } from '../../../store/index.js';
import { benchKey, measureLedger, measureLimits } from './measure.js';
import type { Measured } from './measure.js';
import { deletePrefix } from './redis.js';

const OPS = Number(process.env['OPS'] ?? 50_000);
const show = (label: string, m: Measured) =>
  console.log(`${label.padEnd(50)} ${m.perSec.toLocaleString('en').padStart(9)}/s   p50 ${m.p50Ms} ms   p99 ${m.p99Ms} ms   cpu ${m.cpuUsPerOp} µs/op`);

async function ledgerBench(name: string, make: () => Promise<StoreHarness>): Promise<void> {
  const parallel = name === 'postgres' ? 2 : 1;
  const configs: [string, number, LedgerOptions][] = [
    [`group commit, 512 in flight`, 512, { parallel }],
    [`group commit, 64 in flight`, 64, { parallel }],
    [`group commit, 8 in flight`, 8, { parallel }],
    ['one commit per row, 64 in flight', 64, { maxBatch: 1, intervalMs: 0, parallel }],
  ];
  for (const [label, concurrency, options] of configs) {
    const h = await make();
    const store = await h.open();
    try {
      const db = store instanceof SqliteStore ? new SqliteLedgerDb(store.database) : new PgLedgerDb((store as PostgresStore).pool);
      const ledger = new BatchedLedger(db, options);
      const ops = options.maxBatch === 1 ? Math.min(OPS, 10_000) : OPS;
      show(`ledger ${name}: ${label}`, await measureLedger(ledger, ops, concurrency));
      await ledger.close();
    } finally {
      await store.close();
      await h.cleanup();
    }
  }
}

await ledgerBench('sqlite', sqliteHarness);
const pgUrl = process.env['MODELGATE_TEST_PG_URL'];
if (pgUrl) await ledgerBench('postgres', () => postgresHarness(pgUrl));

for (const concurrency of [1, 64]) {
  show(`limits memory: admit+settle, ${concurrency} in flight`, await measureLimits(new MemoryLimitService(), benchKey('bench'), OPS, concurrency));
}
const redisUrl = process.env['MODELGATE_TEST_REDIS_URL'];
if (redisUrl) {
  const prefix = `mgbench:${randomBytes(4).toString('hex')}:`;
  const limits = new RedisLimitService(await connectRedis(redisUrl), { keyPrefix: prefix, owned: true });
  for (const concurrency of [1, 64, 256]) {
    show(`limits redis: admit+settle, ${concurrency} in flight`, await measureLimits(limits, benchKey(`bench${concurrency}`), OPS, concurrency));
  }
  await limits.close();
  await deletePrefix(redisUrl, prefix);
}
