/** Connecting to Redis for the shared limiter; ioredis is loaded here, on first use. */
import type { Redis } from 'ioredis';
import { UsageError } from '../../../core/errors.js';
import { redactUrl } from '../../../store/index.js';

/**
 * A connected client for `url` (`redis://[:password@]host[:port][/db]`, or `rediss://` for TLS).
 * Connects before returning, so a wrong URL fails at startup, not on the first request.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const { Redis: RedisClient } = await import('ioredis');
  const redis = new RedisClient(url, {
    lazyConnect: true,
    // Commands issued in the same tick go out as one pipeline: under load, many admits share a round trip.
    enableAutoPipelining: true,
    // A request waits for at most two reconnect attempts, then fails (the gateway answers 503) instead of hanging.
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
  });
  // Errors reach the commands that hit them; without a listener ioredis would also print every reconnect failure.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (e) {
    redis.disconnect();
    throw new UsageError(`cannot reach Redis at ${redactUrl(url)}: ${(e as Error).message}`);
  }
  return redis;
}
