import { describe, expect, it } from 'vitest';
import { Semaphore, TokenBucket } from './limits.js';

describe('Semaphore', () => {
  it('admits at most max holders, in FIFO order', async () => {
    const s = new Semaphore(2);
    const order: number[] = [];
    const r1 = await s.acquire();
    const r2 = await s.acquire();
    const waiting = [3, 4].map((n) => s.acquire().then((rel) => (order.push(n), rel)));
    expect(s.active).toBe(2);
    expect(s.waiting).toBe(2);
    r1?.();
    r1?.(); // a second release is ignored
    const r3 = await waiting[0];
    expect(order).toEqual([3]);
    r2?.();
    (await waiting[1])?.();
    r3?.();
    expect(s.active).toBe(0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const s = new Semaphore(1);
    const held = await s.acquire();
    const ac = new AbortController();
    const p = s.acquire(ac.signal);
    ac.abort();
    expect(await p).toBeUndefined();
    expect(s.waiting).toBe(0);
    held?.();
    expect(s.active).toBe(0);
  });
});

describe('TokenBucket', () => {
  it('refills continuously at the per-minute rate (fake clock)', () => {
    let now = 0;
    const b = new TokenBucket({ perMinute: 60, burst: 2, now: () => now });
    expect(b.tryTake()).toBe(0);
    expect(b.tryTake()).toBe(0);
    expect(b.tryTake()).toBe(1000); // one token per second
    now = 500;
    expect(b.tryTake()).toBe(500);
    now = 1000;
    expect(b.tryTake()).toBe(0);
  });

  it('spaces waiting takers in real time', async () => {
    const b = new TokenBucket({ perMinute: 1200, burst: 1 }); // one per 50 ms
    const t = performance.now();
    await Promise.all([b.take(), b.take(), b.take()]);
    expect(performance.now() - t).toBeGreaterThanOrEqual(90);
  });

  it('lets a waiting taker cancel', async () => {
    const b = new TokenBucket({ perMinute: 1, burst: 1 });
    await b.take();
    const ac = new AbortController();
    const p = b.take(ac.signal);
    ac.abort();
    expect(await p).toBe(false);
  });
});
