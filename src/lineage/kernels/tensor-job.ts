/**
 * The per-tensor streaming pass: read whole rows in chunks, dequantize, and
 * fold them into what the signals need (moments, a fixed sample grid, the
 * projections onto probe-token embeddings, unit features). Self-contained
 * like `dequant.ts`, so the same text runs inline and inside a worker.
 */
import type { dequantize } from './dequant.js';

/** The decoder, passed in so the kernel text has no module references (test runners rewrite imports). */
export type Decode = typeof dequantize;

/** One tensor to fingerprint; arrays are plain so the job can be posted to a worker. */
export interface TensorJob {
  path: string;
  /** Absolute byte offset of the tensor's data. */
  start: number;
  type: string;
  rows: number;
  cols: number;
  rowBytes: number;
  /** GGUF attn_q/attn_k: rows are interleaved for rope per head; map them back to Hugging Face order. */
  ropeHeads?: number;
  /** Rows and columns of the sample grid (ascending, in Hugging Face order). */
  sampleRows: number[];
  sampleCols: number[];
  /** Probe-token embeddings (n × cols for 'in', n × rows for 'out'). */
  probe?: { n: number; mode: 'in' | 'out'; x: Float32Array };
  /** Columns kept for every row (unit features of MLP rows). */
  unitCols?: number[];
}

/** What the pass returns for one tensor. */
export interface TensorJobResult {
  count: number;
  sum: number;
  sumSq: number;
  /** sampleRows.length × sampleCols.length values. */
  samples: Float32Array;
  /** 'in': n × rows (X·Wᵀ); 'out': n × cols (X·W). */
  projection?: Float32Array;
  /** rows × unitCols.length values. */
  units?: Float32Array;
}

/** Bytes read per chunk; large enough for sequential throughput, small enough to bound memory. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

/** Hugging Face row index of stored row `g` (identity unless rope-interleaved). */
export function hfRow(g: number, rows: number, ropeHeads: number): number {
  if (!ropeHeads) return g;
  const hd = rows / ropeHeads;
  const h = Math.floor(g / hd);
  const local = g - h * hd;
  return h * hd + (local & 1) * (hd / 2) + (local >> 1);
}

/** Run a job with `read(buffer, position) → bytesRead` as the only I/O. */
export function runTensorJob(job: TensorJob, read: (buf: Uint8Array, pos: number) => number, decode: Decode): TensorJobResult {
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK_BYTES / job.rowBytes));
  const raw = new Uint8Array(rowsPerChunk * job.rowBytes);
  const vals = new Float32Array(rowsPerChunk * job.cols);
  const slot = new Int32Array(job.rows).fill(-1);
  job.sampleRows.forEach((r, i) => (slot[r] = i));
  const nc = job.sampleCols.length;
  const res: TensorJobResult = { count: 0, sum: 0, sumSq: 0, samples: new Float32Array(job.sampleRows.length * nc) };
  const p = job.probe;
  if (p) res.projection = new Float32Array(p.n * (p.mode === 'in' ? job.rows : job.cols));
  const uc = job.unitCols;
  if (uc) res.units = new Float32Array(job.rows * uc.length);
  for (let row0 = 0; row0 < job.rows; row0 += rowsPerChunk) {
    const nr = Math.min(rowsPerChunk, job.rows - row0);
    const want = nr * job.rowBytes;
    const view = raw.subarray(0, want);
    let got = 0;
    while (got < want) {
      const n = read(view.subarray(got), job.start + row0 * job.rowBytes + got);
      if (n <= 0) throw new Error(`${job.path}: unexpected end of file in tensor data`);
      got += n;
    }
    decode(job.type, view, vals, nr * job.cols);
    let s = 0;
    let ss = 0;
    for (let i = 0; i < nr * job.cols; i++) {
      const v = vals[i] as number;
      s += v;
      ss += v * v;
    }
    res.sum += s;
    res.sumSq += ss;
    res.count += nr * job.cols;
    for (let k = 0; k < nr; k++) foldRow(job, res, vals, k, hfRow(row0 + k, job.rows, job.ropeHeads ?? 0), slot);
  }
  return res;
}

/** Samples, projection and unit features of one dequantized row. */
export function foldRow(job: TensorJob, res: TensorJobResult, vals: Float32Array, k: number, r: number, slot: Int32Array): void {
  const cols = job.cols;
  const off = k * cols;
  const si = slot[r] as number;
  if (si >= 0) {
    const nc = job.sampleCols.length;
    for (let j = 0; j < nc; j++) res.samples[si * nc + j] = vals[off + (job.sampleCols[j] as number)] as number;
  }
  const p = job.probe;
  const proj = res.projection;
  if (p && proj) {
    if (p.mode === 'in') {
      for (let t = 0; t < p.n; t++) {
        let acc = 0;
        const xo = t * cols;
        for (let c = 0; c < cols; c++) acc += (p.x[xo + c] as number) * (vals[off + c] as number);
        proj[t * job.rows + r] = acc;
      }
    } else {
      for (let t = 0; t < p.n; t++) {
        const w = p.x[t * job.rows + r] as number;
        const po = t * cols;
        for (let c = 0; c < cols; c++) proj[po + c] = (proj[po + c] as number) + w * (vals[off + c] as number);
      }
    }
  }
  const uc = job.unitCols;
  const units = res.units;
  if (uc && units) for (let j = 0; j < uc.length; j++) units[r * uc.length + j] = vals[off + (uc[j] as number)] as number;
}
