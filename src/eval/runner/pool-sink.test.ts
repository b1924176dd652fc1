import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../types.js';
import { runPool } from './pool.js';
import { ResultSink } from './sink.js';

async function* numbers(n: number, pulled: number[]): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    pulled.push(i);
    yield i;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runPool', () => {
  it('keeps at most `concurrency` items in flight and pulls lazily', async () => {
    const pulled: number[] = [];
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await runPool(numbers(50, pulled), 4, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      expect(pulled.length - done.length).toBeLessThanOrEqual(4);
      await sleep(1);
      done.push(i);
      inFlight--;
    });
    expect(most).toBe(4);
    expect(done.sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });

  it('stops pulling when aborted, and rethrows the first error after in-flight work settles', async () => {
    const controller = new AbortController();
    const pulled: number[] = [];
    await runPool(numbers(1000, pulled), 2, async (i) => {
      if (i === 5) controller.abort();
      await sleep(1);
    }, controller.signal);
    expect(pulled.length).toBeLessThan(10);
    await expect(runPool(numbers(10, []), 3, async (i) => {
      if (i === 2) throw new Error('boom');
    })).rejects.toThrow('boom');
  });
});

describe('ResultSink', () => {
  const row = (i: number) => ({ caseIndex: i }) as CaseResult;
  it('writes batches of batchSize, flushes on a timer, and in order', async () => {
    const batches: number[][] = [];
    const sink = new ResultSink({ appendResults: async (rows) => void batches.push(rows.map((r) => r.caseIndex)) }, { batchSize: 3, intervalMs: 20 });
    for (let i = 0; i < 7; i++) await sink.push(row(i));
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5]].slice(0, batches.length));
    await sleep(40);
    expect(batches.flat()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    await sink.close();
  });

  it('applies back-pressure while the store is behind and surfaces write failures', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const sink = new ResultSink({ appendResults: () => gate }, { batchSize: 2, maxPending: 4 });
    await sink.push(row(0));
    await sink.push(row(1));
    await sink.push(row(2));
    await sink.push(row(3));
    let waited = true;
    const p = sink.push(row(4)).then(() => (waited = false));
    await sleep(10);
    expect(waited).toBe(true);
    release();
    await p;
    await sink.close();
    const failing = new ResultSink({ appendResults: async () => Promise.reject(new Error('disk full')) }, { batchSize: 1 });
    await failing.push(row(0));
    await expect(failing.close()).rejects.toThrow('disk full');
  });
});
