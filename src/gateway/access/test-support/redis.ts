/**
 * Redis for tests: the server comes from MODELGATE_TEST_REDIS_URL; each test
 * uses its own key prefix and deletes its keys afterwards.
 */
import { randomBytes } from 'node:crypto';

/** The test server's URL, or why Redis tests are skipped. */
export type RedisProbe = { url: string; skip?: undefined } | { url?: undefined; skip: string };

/** Check MODELGATE_TEST_REDIS_URL and that the server answers PING. */
export async function probeRedis(env: NodeJS.ProcessEnv = process.env): Promise<RedisProbe> {
  const url = env['MODELGATE_TEST_REDIS_URL'];
  if (!url) return { skip: 'MODELGATE_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379)' };
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return { url };
  } catch (e) {
    return { skip: `Redis at MODELGATE_TEST_REDIS_URL is unreachable: ${(e as Error).message}` };
  } finally {
    redis.disconnect();
  }
}

/** The Redis probe, warning once (visibly) when Redis tests are skipped. */
export async function redisCase(): Promise<RedisProbe> {
  const probe = await probeRedis();
  if (probe.skip) console.warn(`[modelgate access] Redis tests skipped: ${probe.skip}`);
  return probe;
}

/** A key prefix no other test uses. */
export function uniquePrefix(tag: string): string {
  return `mgtest:${tag}:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

/** Delete every key under `prefix`. */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
