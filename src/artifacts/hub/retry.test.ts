import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../core/errors.js';
import { backoffDelay, parseRetryAfter, RetryableFailure, withRetries } from './retry.js';

const policy = (waits: number[]) => ({ retries: 2, baseDelayMs: 100, maxDelayMs: 1000, sleep: async (ms: number) => void waits.push(ms) });
const retryable = (retryAfterMs?: number) => new RetryableFailure(new UpstreamError('MG_HUB_BAD_RESPONSE', 'HTTP 503'), retryAfterMs);

describe('withRetries', () => {
  it('retries retryable failures with growing delays, then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const value = await withRetries(policy(waits), async () => {
      if (++calls < 3) throw retryable();
      return 'ok';
    });
    expect(value).toBe('ok');
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
  });

  it('throws the final error once the retries are used up, and honours Retry-After', async () => {
    const waits: number[] = [];
    await expect(withRetries(policy(waits), async () => Promise.reject(retryable(1234)))).rejects.toMatchObject({ code: 'MG_HUB_BAD_RESPONSE' });
    expect(waits).toEqual([1234, 1234]);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(withRetries(policy([]), async () => Promise.reject(new UpstreamError('MG_HUB_NOT_FOUND', `x${++calls}`)))).rejects.toMatchObject({ message: 'x1' });
  });
});

describe('parseRetryAfter and backoffDelay', () => {
  it('reads seconds and HTTP dates, capped', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('3', 60_000, now)).toBe(3000);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:10 GMT', 60_000, now)).toBe(10_000);
    expect(parseRetryAfter('999999', 60_000, now)).toBe(60_000);
    expect(parseRetryAfter('soon', 60_000, now)).toBeUndefined();
    expect(parseRetryAfter(null, 60_000, now)).toBeUndefined();
  });

  it('caps the exponential delay', () => {
    expect(backoffDelay({ baseDelayMs: 100, maxDelayMs: 1000 }, 10)).toBeLessThanOrEqual(1000);
  });
});
