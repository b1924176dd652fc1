import { describe, expect, it } from 'vitest';
import { halfToFloat } from '../dequant.js';
import { createArena, type KernelArena } from './arena.js';
import * as js from './js-kernels.js';
import { simdModuleBytes } from './simd-module.js';

const simd = () => createArena(simdModuleBytes(), js);
const plain = () => createArena(undefined, js);

/** Deterministic values in [-0.5, 0.5) written as f32 at byte offset `at`. */
function fill(a: KernelArena, at: number, n: number, seed: number): void {
  const f = new Float32Array(a.buffer, at, n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    f[i] = s / 2 ** 32 - 0.5;
  }
}

/** Run `op` on a SIMD and a plain arena set up alike; return both arenas' bytes. */
function both(bytes: number, setup: (a: KernelArena) => void, op: (a: KernelArena) => void): [Uint8Array, Uint8Array] {
  return [simd(), plain()].map((a) => {
    a.ensure(bytes);
    new Uint8Array(a.buffer).fill(0);
    setup(a);
    op(a);
    return new Uint8Array(a.buffer, 0, bytes).slice();
  }) as [Uint8Array, Uint8Array];
}

describe('SIMD kernels', () => {
  it('widens every IEEE half exactly as halfToFloat does', () => {
    const [s, p] = both(
      64 + 65536 * 6 + 64,
      (a) => new Uint16Array(a.buffer, 64, 65536).forEach((_, i, u) => (u[i] = i)),
      (a) => a.widenF16(64, 64 + 65536 * 2, 65536),
    );
    expect(s).toEqual(p);
    const f = new Float32Array(s.buffer, 64 + 65536 * 2, 65536);
    const wrong = [...f.keys()].filter((h) => !Object.is(f[h], Math.fround(halfToFloat(h))) && !(Number.isNaN(f[h]) && Number.isNaN(halfToFloat(h))));
    expect(wrong).toEqual([]);
  });

  it('is valid WebAssembly and compiles here (Node 20 has SIMD)', () => {
    const api = (globalThis as { WebAssembly?: { validate(b: Uint8Array): boolean } }).WebAssembly;
    expect(api?.validate(simdModuleBytes())).toBe(true);
    expect(simd().simd).toBe(true);
    expect(plain().simd).toBe(false);
  });

  it.each([
    [24, 5, 8],
    [64, 7, 4],
    [2048, 3, 16],
  ])('project_in gives the JavaScript kernel’s bits and the f64 dot products (cols %i, rows %i, tokens %i)', (cols, nr, n4) => {
    const x = 64;
    const w = x + n4 * cols * 4;
    const out = w + nr * cols * 4;
    const end = out + n4 * nr * 4 + 64;
    const setup = (a: KernelArena) => {
      fill(a, x, n4 * cols, 1);
      fill(a, w, nr * cols, 2);
    };
    const [s, p] = both(end, setup, (a) => a.projectIn(x, cols * 4, n4, w, cols, nr, out, nr * 4));
    expect(s).toEqual(p);
    const f = new Float32Array(s.buffer);
    for (let t = 0; t < n4; t++) {
      for (let r = 0; r < nr; r++) {
        let ref = 0;
        for (let c = 0; c < cols; c++) ref += (f[x / 4 + t * cols + c] as number) * (f[w / 4 + r * cols + c] as number);
        expect(f[out / 4 + t * nr + r]).toBeCloseTo(ref, 4);
      }
    }
  });

  it.each([
    [40, 3, 4],
    [1096, 6, 8],
  ])('quantized project_in: same bits as JavaScript, within 1e-3 of each output scale of the f64 dot products (cols %i, rows %i, tokens %i)', (cols, nr, n4) => {
    const x = 256;
    const w = x + n4 * cols * 4;
    const xq = w + nr * cols * 4;
    const wq = xq + n4 * cols * 2;
    const xs = wq + nr * cols * 2;
    const ws = xs + n4 * 4;
    const out = ws + nr * 4;
    const end = out + n4 * nr * 4 + 64;
    const setup = (a: KernelArena) => {
      fill(a, x, n4 * cols, 11);
      fill(a, w, nr * cols, 12);
      // A row with one large value: the rest keep about 1e-4 of it as resolution.
      new Float32Array(a.buffer, w, cols)[7] = 9;
    };
    const [s, p] = both(end, setup, (a) => {
      a.quantRows(x, cols, n4, xq, xs, 4095);
      a.quantRows(w, cols, nr, wq, ws, 4095);
      a.projectInQ(xq, cols * 2, n4, wq, cols, nr, out, nr * 4, xs, ws);
    });
    // Bytes below 256 are the kernels' scratch, which only the SIMD side uses.
    expect(s.subarray(256)).toEqual(p.subarray(256));
    const f = new Float32Array(s.buffer);
    for (let t = 0; t < n4; t++) {
      for (let r = 0; r < nr; r++) {
        let ref = 0;
        let scale = 0;
        for (let c = 0; c < cols; c++) {
          const [xv, wv] = [f[x / 4 + t * cols + c] as number, f[w / 4 + r * cols + c] as number];
          ref += xv * wv;
          scale += Math.abs(xv * wv);
        }
        expect(Math.abs((f[out / 4 + t * nr + r] as number) - ref)).toBeLessThan(1e-3 * scale);
      }
    }
  });

  it('quantized project_out over 151 rows (two integer blocks, an odd last row): same bits as JavaScript, close to f64', () => {
    const [cols, nr, n4] = [16, 151, 4];
    const nrPad = 152;
    const [x, w, wq, ws, wp, xc, xq, xs, out] = [256, 4096, 16384, 24576, 25600, 36864, 40960, 45056, 45312];
    const setup = (a: KernelArena) => {
      fill(a, x, n4 * nr, 21);
      fill(a, w, nr * cols, 22);
    };
    const run = (a: KernelArena) => {
      a.quantRows(w, cols, nr, wq, ws, 4095);
      const f = new Float32Array(a.buffer);
      for (let t = 0; t < n4; t++) for (let r = 0; r < nrPad; r++) f[xc / 4 + t * nrPad + r] = r < nr ? Math.fround((f[x / 4 + t * nr + r] as number) * (f[ws / 4 + r] as number)) : 0;
      a.quantRows(xc, nrPad, n4, xq, xs, 4095);
      a.pairRows(wq, cols, nr, wp);
      a.projectOutQ(xq, nrPad * 2, n4, wp, cols, (nr + 1) >> 1, out, cols * 4, xs);
    };
    const [s, p] = both(out + n4 * cols * 4 + 64, setup, run);
    expect(s.subarray(256)).toEqual(p.subarray(256));
    const f = new Float32Array(s.buffer);
    for (let t = 0; t < n4; t++) {
      for (let c = 0; c < cols; c++) {
        let ref = 0;
        let scale = 0;
        for (let r = 0; r < nr; r++) {
          const v = (f[x / 4 + t * nr + r] as number) * (f[w / 4 + r * cols + c] as number);
          ref += v;
          scale += Math.abs(v);
        }
        expect(Math.abs((f[out / 4 + t * cols + c] as number) - ref)).toBeLessThan(1e-3 * scale);
      }
    }
  });

  it('widens BF16 and takes f64 moments like the JavaScript kernels', () => {
    const [s, p] = both(
      4096,
      (a) => {
        const u = new Uint16Array(a.buffer, 64, 40);
        for (let i = 0; i < 40; i++) u[i] = (i * 7919 + 0x3c00) & 0xffff;
      },
      (a) => a.widenBf16(64, 256, 37),
    );
    expect(s.subarray(256, 256 + 37 * 4)).toEqual(p.subarray(256, 256 + 37 * 4));
    const sa = simd();
    const pa = plain();
    for (const a of [sa, pa]) fill(a, 64, 103, 9);
    expect(sa.moments(64, 103)).toEqual(pa.moments(64, 103));
    const v = new Float32Array(sa.buffer, 64, 103);
    expect(sa.moments(64, 103)[0]).toBeCloseTo(v.reduce((t, x) => t + x, 0), 10);
  });
});
