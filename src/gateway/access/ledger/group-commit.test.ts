import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  it('writes concurrent items as one batch and resolves each after its batch', async () => {
    const batches: number[][] = [];
    const gc = new GroupCommit<number>(async (b) => {
      await new Promise((r) => setTimeout(r, 5));
      batches.push([...b]);
    });
    const done: number[] = [];
    await Promise.all(Array.from({ length: 50 }, (_, i) => gc.push(i).then(() => done.push(i))));
    expect(batches).toEqual([Array.from({ length: 50 }, (_, i) => i)]);
    expect(done).toHaveLength(50);
  });

  it('forms the next batch from what arrives during a commit, and caps batch size', async () => {
    const sizes: number[] = [];
    const gc = new GroupCommit<number>(
      async (b) => {
        sizes.push(b.length);
        await new Promise((r) => setTimeout(r, 10));
      },
      { maxBatch: 100, intervalMs: 1 },
    );
    const first = Array.from({ length: 250 }, (_, i) => gc.push(i));
    await new Promise((r) => setTimeout(r, 5));
    const later = Array.from({ length: 30 }, (_, i) => gc.push(1000 + i));
    await Promise.all([...first, ...later]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(280);
    expect(Math.max(...sizes)).toBe(100);
    expect(sizes.length).toBeLessThanOrEqual(4);
  });

  it('does not resolve before the write returned', async () => {
    let release: () => void = () => undefined;
    const gc = new GroupCommit<number>(() => new Promise<void>((r) => (release = r)), { intervalMs: 0 });
    let resolved = false;
    const p = gc.push(1).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false);
    release();
    await p;
    expect(resolved).toBe(true);
  });

  it('retries a failing batch, then rejects its callers after retryForMs', async () => {
    let calls = 0;
    const flaky = new GroupCommit<number>(() => {
      if (++calls < 3) throw new Error('connection reset');
    });
    await flaky.push(1);
    expect(calls).toBe(3);

    const broken = new GroupCommit<number>(
      () => {
        throw new Error('disk full');
      },
      { retryForMs: 120 },
    );
    await expect(broken.push(1)).rejects.toThrow('disk full');
  });

  it('refuses items beyond maxQueue and after close, and flush waits for everything', async () => {
    const written: number[] = [];
    const gc = new GroupCommit<number>((b) => void written.push(...b), { maxQueue: 2, intervalMs: 50 });
    const a = gc.push(1);
    const b = gc.push(2);
    await expect(gc.push(3)).rejects.toThrow(/2 rows behind/);
    expect(gc.pending).toBe(2);
    await gc.flush();
    await Promise.all([a, b]);
    expect(written).toEqual([1, 2]);
    await gc.close();
    await expect(gc.push(4)).rejects.toThrow(/closed/);
  });
});
