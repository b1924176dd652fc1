import { describe, expect, it } from 'vitest';
import { momentBlocks, spread } from '../fingerprint/plan.js';
import { quantizeQ8_0, toHalf } from '../generate/quantize.js';
import { dequantize } from './dequant.js';
import { createArena } from './simd/arena.js';
import * as js from './simd/js-kernels.js';
import { simdModuleBytes } from './simd/simd-module.js';
import { hfRow, rowRuns, runTensorJob, type TensorJob, type TensorJobResult } from './tensor-job.js';

const ROWS = 48;
const HEADS = 4;
const N = 5;

const values = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed) * 0.05);

/** Stored bytes of `x` in `type`, behind `pad` bytes of something else. */
function encode(type: string, x: Float32Array, pad: number): Uint8Array {
  const body =
    type === 'F32' ? new Uint8Array(x.buffer.slice(0))
    : type === 'BF16' ? new Uint8Array(Uint16Array.from(new Uint32Array(x.buffer.slice(0)), (b) => b >>> 16).buffer)
    : type === 'F16' ? new Uint8Array(Uint16Array.from(x, (v) => toHalf(v)).buffer)
    : quantizeQ8_0(x);
  const out = new Uint8Array(pad + body.length);
  out.set(body, pad);
  return out;
}

const ROW_BYTES: Record<string, (cols: number) => number> = { F32: (c) => c * 4, BF16: (c) => c * 2, F16: (c) => c * 2, Q8_0: (c) => (c / 32) * 34 };

function job(type: string, cols: number, extra: Partial<TensorJob>): { job: TensorJob; file: Uint8Array } {
  const file = encode(type, values(ROWS * cols, cols), 100);
  const base: TensorJob = { path: 'mem', start: 100, type, rows: ROWS, cols, rowBytes: ROW_BYTES[type]?.(cols) ?? 0, sampleRows: spread(ROWS, 8), sampleCols: spread(cols, 8) };
  return { job: { ...base, ...extra }, file };
}

const run = (j: TensorJob, file: Uint8Array, wasm: boolean): TensorJobResult =>
  runTensorJob(j, (buf, pos) => (buf.set(file.subarray(pos, pos + buf.length)), Math.min(buf.length, file.length - pos)), dequantize, createArena(wasm ? simdModuleBytes() : undefined, js));

/** The tensor in Hugging Face row order, decoded whole. */
function decoded(j: TensorJob, file: Uint8Array): Float32Array[] {
  const all = new Float32Array(j.rows * j.cols);
  dequantize(j.type, file.slice(j.start), all, j.rows * j.cols);
  const rows: Float32Array[] = [];
  for (let g = 0; g < j.rows; g++) rows[hfRow(g, j.rows, j.ropeHeads ?? 0)] = all.subarray(g * j.cols, (g + 1) * j.cols);
  return rows;
}

describe('tensor job', () => {
  it.each([
    ['BF16', 64, 'in', 0],
    ['BF16', 20, 'out', 0],
    ['F16', 36, 'in', HEADS],
    ['F32', 64, 'out', HEADS],
    ['Q8_0', 64, 'in', HEADS],
  ] as const)('%s × %i, %s projection, rope heads %i: SIMD and JavaScript agree bit for bit and with a direct computation', (type, cols, mode, rope) => {
    const x = values(N * (mode === 'in' ? cols : ROWS), 7);
    const { job: j, file } = job(type, cols, { ...(rope ? { ropeHeads: rope } : {}), probe: { n: N, mode, x } });
    const [a, b] = [run(j, file, true), run(j, file, false)];
    expect(a).toEqual(b);
    const w = decoded(j, file);
    const proj = a.projection as Float32Array;
    for (let t = 0; t < N; t++) {
      if (mode === 'in') for (let r = 0; r < ROWS; r++) expect(proj[t * ROWS + r]).toBeCloseTo((w[r] as Float32Array).reduce((s, v, c) => s + v * (x[t * cols + c] as number), 0), 5);
      else for (let c = 0; c < cols; c++) expect(proj[t * cols + c]).toBeCloseTo(w.reduce((s, row, r) => s + (row[c] as number) * (x[t * ROWS + r] as number), 0), 5);
    }
    const flat = w.flatMap((row) => [...row]);
    expect(a.count).toBe(ROWS * cols);
    expect(a.sum).toBeCloseTo(flat.reduce((s, v) => s + v, 0), 6);
    expect(a.samples[3 * 8 + 5]).toBe((w[j.sampleRows[3] as number] as Float32Array)[j.sampleCols[5] as number]);
  });

  it('reads only the sampled and moment rows, and writes unit features in place', () => {
    const { job: sparse, file } = job('BF16', 64, { sampleRows: [3, 30], momentRows: momentBlocks(ROWS, 0, [3, 30], 8) });
    // Far apart, two reads; near (small rows), one read through the gap.
    expect(rowRuns({ ...sparse, rowBytes: 64 * 1024 })).toEqual([[3, 4], [30, 4]]);
    expect(rowRuns(sparse)).toEqual([[3, 31]]);
    const out = new SharedArrayBuffer(ROWS * 6 * 4);
    const units = { cols: [1, 9, 40], out, at: 3, stride: 6 };
    for (const wasm of [true, false]) {
      new Float32Array(out).fill(0);
      const r = run({ ...sparse, units }, file, wasm);
      const w = decoded(sparse, file);
      expect(r.count).toBe(8 * 64);
      const f = new Float32Array(out);
      for (let row = 0; row < ROWS; row++) expect([...f.subarray(row * 6 + 3, row * 6 + 6)]).toEqual([1, 9, 40].map((c) => (w[row] as Float32Array)[c]));
    }
  });
});
