/**
 * The per-tensor pass: read the rows a job needs, fold them into what the
 * signals use (moments, a fixed sample grid, projections onto probe-token
 * embeddings, unit features). Self-contained like `dequant.ts`, so the same
 * text runs inline and inside a worker: these functions call only each other
 * and the decoder passed in.
 *
 * Cost model: 16-bit tensors that need every row for their columns only (MLP
 * unit features) or for exact moments are not decoded; their moments come
 * from a 65,536-bin count of the raw words and their kept columns are looked
 * up in a 65,536-entry value table. Only rows that feed a sample, a moment
 * estimate or a probe projection are decoded whole.
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
  /** Stored rows (ascending) the moments are taken over; absent: every row (exact). */
  momentRows?: number[];
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
  /** Tensor bytes this job read. */
  bytesRead: number;
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

/** Stored rows to read as [first, count] runs: every row, or the sampled and moment rows only. */
export function rowRuns(job: TensorJob): [number, number][] {
  if (!job.momentRows || job.probe || job.unitCols) return [[0, job.rows]];
  const want = new Uint8Array(job.rows);
  for (const r of job.momentRows) want[r] = 1;
  // Sample rows are in Hugging Face order; mark the stored rows that hold them.
  const slot = new Int32Array(job.rows).fill(-1);
  for (const r of job.sampleRows) slot[r] = 1;
  for (let g = 0; g < job.rows; g++) if (slot[hfRow(g, job.rows, job.ropeHeads ?? 0)] === 1) want[g] = 1;
  const runs: [number, number][] = [];
  for (let g = 0; g < job.rows; g++) {
    if (!want[g]) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === g) last[1]++;
    else runs.push([g, 1]);
  }
  return runs;
}

/** Run a job with `read(buffer, position) → bytesRead` as the only I/O. */
export function runTensorJob(job: TensorJob, read: (buf: Uint8Array, pos: number) => number, decode: Decode): TensorJobResult {
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK_BYTES / job.rowBytes));
  const raw = new Uint8Array(rowsPerChunk * job.rowBytes);
  const half = job.type === 'BF16' || job.type === 'F16';
  const lazy = half && !job.probe;
  const ctx = {
    job, raw, decode, lazy,
    vals: new Float32Array((lazy ? 1 : rowsPerChunk) * job.cols),
    slot: new Int32Array(job.rows).fill(-1),
    moment: job.momentRows ? new Uint8Array(job.rows) : undefined,
    table: lazy ? halfTable(job.type, decode) : undefined,
    hist: lazy && !job.momentRows ? new Float64Array(65536) : undefined,
  };
  job.sampleRows.forEach((r, i) => (ctx.slot[r] = i));
  if (ctx.moment && job.momentRows) for (const r of job.momentRows) ctx.moment[r] = 1;
  const nc = job.sampleCols.length;
  const res: TensorJobResult = { count: 0, sum: 0, sumSq: 0, samples: new Float32Array(job.sampleRows.length * nc), bytesRead: 0 };
  const p = job.probe;
  if (p) res.projection = new Float32Array(p.n * (p.mode === 'in' ? job.rows : job.cols));
  if (job.unitCols) res.units = new Float32Array(job.rows * job.unitCols.length);
  for (const [first, count] of rowRuns(job)) {
    for (let row0 = first; row0 < first + count; row0 += rowsPerChunk) {
      const nr = Math.min(rowsPerChunk, first + count - row0);
      readRows(job, read, raw.subarray(0, nr * job.rowBytes), row0);
      res.bytesRead += nr * job.rowBytes;
      foldChunk(ctx, res, row0, nr);
    }
  }
  if (ctx.hist && ctx.table) histMoments(ctx.hist, ctx.table, res);
  return res;
}

/** Fill `view` with the bytes of stored rows from `row0`. */
export function readRows(job: TensorJob, read: (buf: Uint8Array, pos: number) => number, view: Uint8Array, row0: number): void {
  let got = 0;
  while (got < view.length) {
    const n = read(view.subarray(got), job.start + row0 * job.rowBytes + got);
    if (n <= 0) throw new Error(`${job.path}: unexpected end of file in tensor data`);
    got += n;
  }
}

/** Every value of a 16-bit type, indexed by its bit pattern. */
export function halfTable(type: string, decode: Decode): Float32Array {
  const words = new Uint16Array(65536);
  for (let i = 0; i < 65536; i++) words[i] = i;
  const table = new Float32Array(65536);
  decode(type, new Uint8Array(words.buffer), table, 65536);
  return table;
}

/** Moments from a count of each 16-bit pattern: the same sums the decoded values give, in another order. */
export function histMoments(hist: Float64Array, table: Float32Array, res: TensorJobResult): void {
  for (let i = 0; i < 65536; i++) {
    const c = hist[i] as number;
    if (c === 0) continue;
    const v = table[i] as number;
    res.count += c;
    res.sum += c * v;
    res.sumSq += c * v * v;
  }
}

/** Count the 16-bit words of a chunk (little-endian): the only per-element work for rows nothing else decodes. */
export function countWords(bytes: Uint8Array, hist: Float64Array): void {
  const u32 = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  for (let i = 0; i < u32.length; i++) {
    const w = u32[i] as number;
    hist[w & 0xffff] = (hist[w & 0xffff] as number) + 1;
    hist[w >>> 16] = (hist[w >>> 16] as number) + 1;
  }
  if (bytes.length & 2) {
    const w = (bytes[bytes.length - 2] as number) | ((bytes[bytes.length - 1] as number) << 8);
    hist[w] = (hist[w] as number) + 1;
  }
}

interface ChunkCtx {
  job: TensorJob;
  raw: Uint8Array;
  decode: Decode;
  lazy: boolean;
  vals: Float32Array;
  slot: Int32Array;
  moment: Uint8Array | undefined;
  table: Float32Array | undefined;
  hist: Float64Array | undefined;
}

/** Fold `nr` stored rows from `row0` (already in `ctx.raw`) into the result. */
export function foldChunk(ctx: ChunkCtx, res: TensorJobResult, row0: number, nr: number): void {
  const { job, raw, vals } = ctx;
  const cols = job.cols;
  if (ctx.hist) countWords(raw.subarray(0, nr * job.rowBytes), ctx.hist);
  if (!ctx.lazy) ctx.decode(job.type, raw.subarray(0, nr * job.rowBytes), vals, nr * cols);
  for (let k = 0; k < nr; k++) {
    const g = row0 + k;
    const r = hfRow(g, job.rows, job.ropeHeads ?? 0);
    const inMoments = ctx.moment ? ctx.moment[g] === 1 : !ctx.hist;
    let off = k * cols;
    if (ctx.lazy && (inMoments || (ctx.slot[r] as number) >= 0)) {
      ctx.decode(job.type, raw.subarray(k * job.rowBytes, (k + 1) * job.rowBytes), vals, cols);
      off = 0;
    } else if (ctx.lazy) {
      pickUnits(job, res, new Uint16Array(raw.buffer, raw.byteOffset + k * job.rowBytes, cols), ctx.table as Float32Array, r);
      continue;
    }
    if (inMoments) addMoments(vals, off, cols, res);
    foldRow(job, res, vals, off, r, ctx.slot);
  }
}

/** Add one decoded row to the moments. */
export function addMoments(vals: Float32Array, off: number, cols: number, res: TensorJobResult): void {
  let s = 0;
  let ss = 0;
  for (let i = off; i < off + cols; i++) {
    const v = vals[i] as number;
    s += v;
    ss += v * v;
  }
  res.sum += s;
  res.sumSq += ss;
  res.count += cols;
}

/** Unit features of one undecoded 16-bit row, through the value table. */
export function pickUnits(job: TensorJob, res: TensorJobResult, words: Uint16Array, table: Float32Array, r: number): void {
  const uc = job.unitCols;
  const units = res.units;
  if (uc && units) for (let j = 0; j < uc.length; j++) units[r * uc.length + j] = table[words[uc[j] as number] as number] as number;
}

/** Samples, projection and unit features of one decoded row at `vals[off]`. */
export function foldRow(job: TensorJob, res: TensorJobResult, vals: Float32Array, off: number, r: number, slot: Int32Array): void {
  const si = slot[r] as number;
  if (si >= 0) {
    const nc = job.sampleCols.length;
    for (let j = 0; j < nc; j++) res.samples[si * nc + j] = vals[off + (job.sampleCols[j] as number)] as number;
  }
  const p = job.probe;
  const proj = res.projection;
  if (p && proj) {
    if (p.mode === 'in') projectIn(p.x, p.n, vals, off, job.cols, proj, job.rows, r);
    else projectOut(p.x, p.n, vals, off, job.cols, proj, job.rows, r);
  }
  const uc = job.unitCols;
  const units = res.units;
  if (uc && units) for (let j = 0; j < uc.length; j++) units[r * uc.length + j] = vals[off + (uc[j] as number)] as number;
}

/** proj[t, r] = x[t] · row, four tokens per pass so each row value is loaded once per four products. */
export function projectIn(x: Float32Array, n: number, vals: Float32Array, off: number, cols: number, proj: Float32Array, rows: number, r: number): void {
  let t = 0;
  for (; t + 4 <= n; t += 4) {
    const x0 = t * cols;
    const x1 = x0 + cols;
    const x2 = x1 + cols;
    const x3 = x2 + cols;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let c = 0; c < cols; c++) {
      const v = vals[off + c] as number;
      a0 += (x[x0 + c] as number) * v;
      a1 += (x[x1 + c] as number) * v;
      a2 += (x[x2 + c] as number) * v;
      a3 += (x[x3 + c] as number) * v;
    }
    proj[t * rows + r] = a0;
    proj[(t + 1) * rows + r] = a1;
    proj[(t + 2) * rows + r] = a2;
    proj[(t + 3) * rows + r] = a3;
  }
  for (; t < n; t++) {
    let acc = 0;
    for (let c = 0; c < cols; c++) acc += (x[t * cols + c] as number) * (vals[off + c] as number);
    proj[t * rows + r] = acc;
  }
}

/** proj[t] += x[t, r] · row. */
export function projectOut(x: Float32Array, n: number, vals: Float32Array, off: number, cols: number, proj: Float32Array, rows: number, r: number): void {
  for (let t = 0; t < n; t++) {
    const w = x[t * rows + r] as number;
    const po = t * cols;
    for (let c = 0; c < cols; c++) proj[po + c] = (proj[po + c] as number) + w * (vals[off + c] as number);
  }
}
