/**
 * Throughput and latency of the ledger and the limiters, shared by the slow
 * test and `test-support/bench.ts`. Each measurement runs `concurrency`
 * workers, like that many open client connections, each waiting for its own
 * call before making the next.
 */
import type { ApiKeyRecord, Ledger, LimitService } from '../../access-types.js';
import { makeLedgerRow } from './ledger-fixtures.js';

/** What one measurement found. */
export interface Measured {
  ops: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of this process per operation, in µs (includes the driver loop itself). */
  cpuUsPerOp: number;
}

const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Run `op` `ops` times over `concurrency` workers, timing each call. */
async function drive(ops: number, concurrency: number, op: (n: number) => Promise<void>): Promise<Measured> {
  const latencies = new Float64Array(ops);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let n = next++; n < ops; n = next++) {
      const t = performance.now();
      await op(n);
      latencies[n] = performance.now() - t;
    }
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  const cpuUsPerOp = round((cpu.user + cpu.system) / ops);
  return { ops, perSec: Math.round((ops / ms) * 1000), p50Ms: round(pct(sorted, 0.5)), p99Ms: round(pct(sorted, 0.99)), cpuUsPerOp };
}

/** `record()` calls, each awaited until its row is durable; `from` offsets request ids so runs can share a table. */
export function measureLedger(ledger: Ledger, ops: number, concurrency: number, from = 0): Promise<Measured> {
  const ts = new Date().toISOString();
  return drive(ops, concurrency, (n) => ledger.record(makeLedgerRow(from + n, { ts })));
}

/** `admit()` then `settle()` under a key with generous RPM, TPM and budget, so every call does the full check. */
export function measureLimits(limits: LimitService, key: ApiKeyRecord, ops: number, concurrency: number): Promise<Measured> {
  return drive(ops, concurrency, async () => {
    const a = await limits.admit(key, { tokens: 500, costUsd: 0.0001 });
    if (!a.ok) throw new Error(`refused during the measurement: ${a.message}`);
    await a.settle({ tokens: 400, costUsd: 0.00008 });
  });
}

/** A key that exercises every limit without ever hitting one. */
export function benchKey(id: string): ApiKeyRecord {
  return { id, prefix: 'mg_bench', routes: ['*'], admin: false, createdAt: new Date().toISOString(), rpm: 1e9, tpm: 1e12, budgetUsd: 1e9 };
}
