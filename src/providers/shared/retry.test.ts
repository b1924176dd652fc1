import { describe, expect, it } from 'vitest';
import type { Failure, Result } from '../types.js';
import { DEFAULT_RETRY, parseRetryAfter, retryDelay, retryStream, withRetry } from './retry.js';

const f = (kind: Failure['kind'], extra: Partial<Failure> = {}): Failure => ({ kind, provider: 'p', message: kind, ...extra });

describe('retry policy', () => {
  it('backs off exponentially with bounded jitter and a cap', () => {
    const p = { ...DEFAULT_RETRY, retries: 10 };
    expect([1, 2, 3, 4].map((n) => retryDelay(p, n, f('upstream_5xx'), () => 0.5))).toEqual([250, 500, 1000, 2000]);
    expect(retryDelay(p, 10, f('upstream_5xx'), () => 0.5)).toBe(8000);
    expect(retryDelay(p, 1, f('upstream_5xx'), () => 0)).toBe(200);
    expect(retryDelay(p, 1, f('upstream_5xx'), () => 1)).toBe(300);
  });

  it('retries only the kinds it names, and only as often as allowed', () => {
    expect(retryDelay(DEFAULT_RETRY, 1, f('upstream_4xx'))).toBeUndefined();
    expect(retryDelay(DEFAULT_RETRY, 1, f('refused'))).toBeUndefined();
    expect(retryDelay(DEFAULT_RETRY, 3, f('rate_limited'))).toBeUndefined();
  });

  it('prefers Retry-After, unless it is too long to wait', () => {
    expect(retryDelay(DEFAULT_RETRY, 1, f('rate_limited', { retryAfterMs: 1234 }))).toBe(1234);
    expect(retryDelay(DEFAULT_RETRY, 1, f('rate_limited', { retryAfterMs: 120_000 }))).toBeUndefined();
  });

  it('parses Retry-After seconds, HTTP dates and retry-after-ms', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(parseRetryAfter({ 'retry-after': '3' })).toBe(3000);
    expect(parseRetryAfter({ 'retry-after': '0.5' })).toBe(500);
    expect(parseRetryAfter({ 'retry-after': 'Mon, 23 Nov 2026 00:00:05 GMT' }, now)).toBe(5000);
    expect(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfter({})).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('stops at success and counts attempts on failure', async () => {
    const results: Result<number>[] = [{ ok: false, failure: f('network') }, { ok: true, value: 42 }];
    const r = await withRetry(DEFAULT_RETRY, undefined, async () => results.shift() as Result<number>, { sleep: async () => true });
    expect(r).toEqual({ ok: true, value: 42 });
    const r2 = await withRetry(DEFAULT_RETRY, undefined, async () => ({ ok: false, failure: f('upstream_5xx') }), { sleep: async () => true });
    expect(!r2.ok && r2.failure.attempts).toBe(3);
  });

  it('is cancelled while sleeping', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    const t = performance.now();
    const r = await withRetry({ ...DEFAULT_RETRY, baseMs: 5_000 }, ac.signal, async () => ({ ok: false, failure: f('upstream_5xx') }));
    expect(!r.ok && r.failure.kind).toBe('cancelled');
    expect(performance.now() - t).toBeLessThan(1_000);
  });

  it('retryStream retries only before the first item', async () => {
    let opened = 0;
    const open = () =>
      (async function* (): AsyncGenerator<Result<string>> {
        opened++;
        if (opened === 1) yield { ok: false, failure: f('upstream_5xx') };
        else {
          yield { ok: true, value: 'a' };
          yield { ok: false, failure: f('network') };
        }
      })();
    const items: Result<string>[] = [];
    for await (const x of retryStream(DEFAULT_RETRY, undefined, open, { sleep: async () => true })) items.push(x);
    expect(opened).toBe(2);
    expect(items.map((x) => (x.ok ? x.value : x.failure.kind))).toEqual(['a', 'network']);
  });
});
