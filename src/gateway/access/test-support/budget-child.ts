/**
 * One gateway replica for the shared-budget test (a script run by vite-node, not a module).
 * Usage: `budget-child.ts <redisUrl> <keyPrefix> <keyJson> <attempts> <concurrency>`.
 * Prints `ready` once connected and waits for a line on stdin, so both replicas start together, then admits `attempts` requests of $0.01
 * with `concurrency` in flight, settling each with a real cost between half and all of the estimate,
 * using the Redis server's clock. Prints `{"admitted":n,"spent":usd}`.
 */
import type { ApiKeyRecord } from '../../access-types.js';
import { connectRedis } from '../limits/redis-connect.js';
import { RedisLimitService } from '../limits/redis-limits.js';

const [url, keyPrefix, keyJson, attempts, concurrency] = process.argv.slice(2);
const key = JSON.parse(keyJson ?? '{}') as ApiKeyRecord;
const limits = new RedisLimitService(await connectRedis(url ?? ''), { keyPrefix: keyPrefix ?? '', owned: true });
process.stdout.write('ready\n');
await new Promise((r) => process.stdin.once('data', r));
process.stdin.pause();

let left = Number(attempts);
let admitted = 0;
let spent = 0;
async function worker(): Promise<void> {
  while (left-- > 0) {
    const a = await limits.admit(key, { tokens: 10, costUsd: 0.01 });
    if (!a.ok) continue;
    admitted += 1;
    const cost = 0.01 * (0.5 + Math.random() / 2);
    spent += cost;
    await new Promise((r) => setTimeout(r, Math.random() * 3));
    await a.settle({ tokens: 10, costUsd: cost });
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
await limits.close();
process.stdout.write(`${JSON.stringify({ admitted, spent })}\n`);
