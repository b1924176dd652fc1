import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../io/byte-source.js';
import { defaultBudget } from '../scanner.js';
import { PickleBuilder } from '../writers/pickle-writer.js';
import { scanPickleAt, scanPickleFile } from './index.js';
import { pickleContext, scanBytes, summary } from './test-support/helpers.js';

/** A huge virtual file: `head`, then `gap` zero bytes that must never be read, then `tail`. */
function sparseSource(head: Uint8Array, gap: number, tail: Uint8Array): ByteSource & { touched: number } {
  const size = head.length + gap + tail.length;
  const src = {
    name: 'huge.pkl',
    size,
    touched: 0,
    read: async (offset: number, length: number) => {
      const n = Math.max(0, Math.min(length, size - offset));
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const at = offset + i;
        if (at < head.length) out[i] = head[at] ?? 0;
        else if (at >= head.length + gap) out[i] = tail[at - head.length - gap] ?? 0;
        else src.touched++;
      }
      return out;
    },
  };
  return src;
}

describe('limits', () => {
  it('a million nested MARK/EMPTY_LIST frames finish quickly with a finding', async () => {
    const n = 1_000_000;
    const bytes = new Uint8Array(2 * n + 1);
    for (let i = 0; i < n; i++) bytes.set([0x28, 0x5d], 2 * i);
    bytes[2 * n] = 0x2e;
    const started = Date.now();
    const f = await scanBytes(bytes);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(summary(f)).toEqual(['pickle/excessive-nesting medium -', 'pickle/malformed high -']);
    expect(f.find((x) => x.ruleId === 'pickle/excessive-nesting')?.message).toMatch(/more than 5000 MARKs/);
    expect(f.find((x) => x.ruleId === 'pickle/malformed')?.message).toMatch(/STOP leaves 1000000 MARK\(s\) open/);
  });

  it('lists nested a million deep through APPEND report container depth', async () => {
    const n = 1_000_000;
    const bytes = new Uint8Array(2 * n + 1).fill(0x5d, 0, n).fill(0x61, n, 2 * n - 1);
    bytes[2 * n - 1] = 0x2e;
    const f = await scanBytes(bytes.subarray(0, 2 * n));
    expect(summary(f)).toEqual(['pickle/excessive-nesting medium -']);
    expect(f[0]?.message).toMatch(/containers nest more than 5000 levels/);
  });

  it('skips a 10 GB BINBYTES8 payload, reading no more than one window of it', async () => {
    const gap = 10 * 1024 ** 3;
    const head = new PickleBuilder({ protocol: 4 }).global('os', 'system').raw([0x8e]).raw(u64(gap)).toBytes();
    const tail = new PickleBuilder({ protocol: 4, header: false }).tuple1().reduce().stop().toBytes();
    const src = sparseSource(head, gap, tail);
    const f = await scanPickleFile(src, pickleContext());
    expect(src.touched).toBeLessThanOrEqual(1024 * 1024);
    expect(summary(f)).toEqual(['pickle/dangerous-import critical os.system', 'pickle/unsafe-call critical os.system']);
  });

  it('streams through a protocol-0 line longer than any window, keeping none of it', async () => {
    const gap = 50 * 1024 * 1024;
    const head = new TextEncoder().encode("cos\nsystem\n(S'");
    const tail = new TextEncoder().encode("'\ntR.");
    const src = sparseSource(head, gap, tail);
    const f = await scanPickleFile(src, pickleContext());
    expect(summary(f)).toEqual(['pickle/dangerous-import critical os.system', 'pickle/unsafe-call critical os.system']);
  });

  it('an overlong GLOBAL module line is an unresolved import', async () => {
    const b = new PickleBuilder({ protocol: 0 }).global('a'.repeat(200_000), 'b').stop().toBytes();
    expect(summary(await scanBytes(b))).toEqual(['pickle/unresolved-import high GLOBAL']);
  });

  it('stops at the scan deadline', async () => {
    const ctx = { ...pickleContext(), budget: { ...defaultBudget(), deadline: Date.now() - 1 } };
    const r = await scanPickleAt({ name: 'x.pkl', size: 2, read: async () => Uint8Array.of(0x4e, 0x2e) }, 0, ctx);
    expect(summary(r.findings)).toEqual(['pickle/limit-exceeded high -']);
    expect(r.end).toBeUndefined();
  });

  it('caps the number of findings a hostile file can produce', async () => {
    const p = new PickleBuilder({ protocol: 2 });
    for (let i = 0; i < 1000; i++) p.global(`evil${i}`, 'x').pop();
    const f = await scanBytes(p.none().stop().toBytes());
    expect(f.length).toBe(201);
    expect(f.at(-1)).toMatchObject({ ruleId: 'pickle/limit-exceeded', severity: 'medium', message: '800 more findings in this stream were not listed' });
  });
});

function u64(v: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(v), true);
  return b;
}
