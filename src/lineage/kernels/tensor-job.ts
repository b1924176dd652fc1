/**
 * The per-tensor pass: read the rows a job needs, fold them into what the
 * signals use (moments, a fixed sample grid, projections onto probe-token
 * embeddings, unit features). Self-contained like `dequant.ts`, so the same
 * text runs inline and inside a worker: these functions call only each other
 * and what is passed in (the decoder and the kernel arena), because test
 * runners rewrite cross-module references.
 *
 * Cost model: bytes land in the arena straight from `read`; probe projections
 * and moments run on the arena's SIMD kernels; rows that only give MLP unit
 * features are not decoded whole (their kept columns are picked from the raw
 * words). Sparse reads merge across small gaps, since a read costs about as
 * much as 16 KB more bytes.
 */
import type { Decode, JobLayout, JobState, TensorJob, TensorJobResult } from './job-types.js';
import type { KernelArena } from './simd/arena.js';

export type { Decode, JobLayout, JobState, TensorJob, TensorJobResult } from './job-types.js';

/** Bytes read per chunk: past the per-read cost, and small enough that a chunk and its floats stay in L2. */
export const CHUNK_BYTES = 512 * 1024;

/** Gaps between wanted rows up to this many bytes are read through rather than skipped with another read. */
export const GAP_BYTES = 16 * 1024;

/** Projections run on rows quantized to ±this (see `simd/quantized.ts` for why it cannot overflow). */
export const QUANT_LIMIT = 4095;

/** Hugging Face row index of stored row `g` (identity unless rope-interleaved). */
export function hfRow(g: number, rows: number, ropeHeads: number): number {
  if (!ropeHeads) return g;
  const hd = rows / ropeHeads;
  const h = Math.floor(g / hd);
  const local = g - h * hd;
  return h * hd + (local & 1) * (hd / 2) + (local >> 1);
}

/** Stored rows to read as [first, count] runs: every row, or the sampled and moment rows with small gaps read through. */
export function rowRuns(job: TensorJob): [number, number][] {
  if (!job.momentRows || job.probe || job.units) return [[0, job.rows]];
  const want = new Uint8Array(job.rows);
  for (const r of job.momentRows) want[r] = 1;
  // Sample rows are in Hugging Face order; mark the stored rows that hold them.
  if (!job.ropeHeads) for (const r of job.sampleRows) want[r] = 1;
  else {
    const slot = new Uint8Array(job.rows);
    for (const r of job.sampleRows) slot[r] = 1;
    for (let g = 0; g < job.rows; g++) if (slot[hfRow(g, job.rows, job.ropeHeads)] === 1) want[g] = 1;
  }
  const runs: [number, number][] = [];
  const gapRows = Math.floor(GAP_BYTES / job.rowBytes);
  for (let g = 0; g < job.rows; g++) {
    if (!want[g]) continue;
    const last = runs[runs.length - 1];
    if (last && g - (last[0] + last[1]) <= gapRows) last[1] = g - last[0] + 1;
    else runs.push([g, 1]);
  }
  return runs;
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

/** Lay a job out in the arena (after its 256 bytes of kernel scratch). */
export function jobLayout(job: TensorJob, runs: readonly [number, number][]): JobLayout {
  const align = (n: number) => (n + 63) & ~63;
  const stride = (job.cols + 7) & ~7;
  const p = job.probe;
  const n4 = p ? (p.n + 3) & ~3 : 0;
  const longest = runs.reduce((a, r) => Math.max(a, r[1]), 1);
  const rowsPerChunk = Math.max(1, Math.min(longest, Math.floor(CHUNK_BYTES / job.rowBytes)));
  // Regions one after another, each 64-byte aligned with 64 bytes of slack (kernels read and write up to 8 values past a row).
  let at = 256;
  const region = (bytes: number) => {
    const start = at;
    at = align(at + bytes + 64);
    return start;
  };
  const out = p?.mode === 'out';
  const q = p !== undefined;
  const nrPad = (rowsPerChunk + 7) & ~7;
  const L: JobLayout = {
    stride, n4, rowsPerChunk, nrPad,
    x: region(n4 * (out ? job.rows : stride) * 4),
    acc: region(n4 * (out ? stride : job.rows) * 4),
    raw: region(rowsPerChunk * job.rowBytes),
    vals: region(rowsPerChunk * stride * 4),
    // Quantized forms: 'in' keeps the tokens once; 'out' rescales them per chunk (xc) and pairs the rows (wp).
    xq: region(q ? n4 * (out ? nrPad : stride) * 2 : 0),
    xScales: region(q ? n4 * 4 : 0),
    wq: region(q ? (rowsPerChunk + 1) * stride * 2 : 0),
    wScales: region(q ? rowsPerChunk * 4 : 0),
    xc: region(out ? n4 * nrPad * 4 : 0),
    wp: region(out ? nrPad * stride * 2 : 0),
    end: 0,
    decodeAll: p !== undefined || (job.type !== 'BF16' && job.type !== 'F32'),
  };
  L.end = at;
  return L;
}

/** Project one decoded chunk of `nr` stored rows from `row0` onto the probe tokens, on 16-bit integers. */
export function projectChunk(job: TensorJob, L: JobLayout, arena: KernelArena, row0: number, nr: number): void {
  const p = job.probe;
  if (!p) return;
  arena.quantRows(L.vals, L.stride, nr, L.wq, L.wScales, QUANT_LIMIT);
  if (p.mode === 'in') {
    arena.projectInQ(L.xq, L.stride * 2, L.n4, L.wq, L.stride, nr, L.acc + row0 * 4, job.rows * 4, L.xScales, L.wScales);
    return;
  }
  // Σ_r x[t, r] · w[r, c] with w[r] = wq[r] · scale[r]: fold each row's scale into the tokens, then quantize them per token.
  const f = new Float32Array(arena.buffer);
  const xc = L.xc >> 2;
  for (let t = 0; t < L.n4; t++) {
    for (let k = 0; k < L.nrPad; k++) f[xc + t * L.nrPad + k] = k < nr ? Math.fround((f[(L.x >> 2) + t * job.rows + row0 + k] as number) * (f[(L.wScales >> 2) + k] as number)) : 0;
  }
  arena.quantRows(L.xc, L.nrPad, L.n4, L.xq, L.xScales, QUANT_LIMIT);
  arena.pairRows(L.wq, L.stride, nr, L.wp);
  arena.projectOutQ(L.xq, L.nrPad * 2, L.n4, L.wp, L.stride, (nr + 1) >> 1, L.acc, L.stride * 4, L.xScales);
}

/** Run a job with `read(buffer, position) → bytesRead` as the only I/O. */
export function runTensorJob(job: TensorJob, read: (buf: Uint8Array, pos: number) => number, decode: Decode, arena: KernelArena): TensorJobResult {
  const runs = rowRuns(job);
  const L = jobLayout(job, runs);
  arena.ensure(L.end);
  const bytes = new Uint8Array(arena.buffer);
  const res: TensorJobResult = { count: 0, sum: 0, sumSq: 0, samples: new Float32Array(job.sampleRows.length * job.sampleCols.length), bytesRead: 0 };
  const st: JobState = { L, slot: new Int32Array(job.rows).fill(-1), moment: undefined, units: job.units ? new Float32Array(job.units.out) : undefined };
  job.sampleRows.forEach((r, i) => (st.slot[r] = i));
  if (job.momentRows) {
    st.moment = new Uint8Array(job.rows);
    for (const r of job.momentRows) st.moment[r] = 1;
  }
  if (job.probe) setupProbe(job, L, arena);
  for (const [first, count] of runs) {
    for (let row0 = first; row0 < first + count; row0 += L.rowsPerChunk) {
      const nr = Math.min(L.rowsPerChunk, first + count - row0);
      readRows(job, read, bytes.subarray(L.raw, L.raw + nr * job.rowBytes), row0);
      res.bytesRead += nr * job.rowBytes;
      foldChunk(job, st, arena, decode, res, row0, nr);
      projectChunk(job, L, arena, row0, nr);
    }
  }
  if (job.probe) res.projection = finishProbe(job, L, arena);
  return res;
}

/** Decode stored rows [k0, k1) of the chunk into floats at `vals`, zeroing the padding. */
export function decodeRows(job: TensorJob, L: JobLayout, arena: KernelArena, decode: Decode, k0: number, k1: number): void {
  const buf = arena.buffer;
  const f = new Float32Array(buf);
  const whole = L.stride === job.cols;
  for (let k = k0; k < k1; k = whole ? k1 : k + 1) {
    const nr = whole ? k1 - k0 : 1;
    const src = L.raw + k * job.rowBytes;
    const dst = L.vals + k * L.stride * 4;
    if (job.type === 'BF16') arena.widenBf16(src, dst, nr * job.cols);
    else if (job.type === 'F16') arena.widenF16(src, dst, nr * job.cols);
    else if (job.type === 'F32') f.set(new Float32Array(buf, src, nr * job.cols), dst >> 2);
    else decode(job.type, new Uint8Array(buf, src, nr * job.rowBytes), new Float32Array(buf, dst, nr * job.cols), nr * job.cols);
    if (!whole) f.fill(0, (dst >> 2) + job.cols, (dst >> 2) + L.stride);
  }
}

/** Decode what the chunk needs, then add its moments, samples and unit features. */
export function foldChunk(job: TensorJob, st: JobState, arena: KernelArena, decode: Decode, res: TensorJobResult, row0: number, nr: number): void {
  const { L, slot, moment } = st;
  const rope = job.ropeHeads ?? 0;
  const needed = (k: number) => !moment || moment[row0 + k] === 1 || (slot[hfRow(row0 + k, job.rows, rope)] as number) >= 0;
  if (L.decodeAll || !job.units) decodeRows(job, L, arena, decode, 0, nr);
  else for (let k = 0; k < nr; k++) if (needed(k)) decodeRows(job, L, arena, decode, k, k + 1);
  for (let k = 0; k < nr; ) {
    if (moment && moment[row0 + k] !== 1) {
      k++;
      continue;
    }
    let e = k + 1;
    while (e < nr && (!moment || moment[row0 + e] === 1)) e++;
    const [s, q] = L.stride === job.cols ? arena.moments(L.vals + k * L.stride * 4, (e - k) * job.cols) : rowMoments(job, L, arena, k, e);
    res.sum += s;
    res.sumSq += q;
    res.count += (e - k) * job.cols;
    k = e;
  }
  const f = new Float32Array(arena.buffer);
  const nc = job.sampleCols.length;
  for (let k = 0; k < nr; k++) {
    const si = slot[hfRow(row0 + k, job.rows, rope)] as number;
    if (si >= 0) for (let j = 0; j < nc; j++) res.samples[si * nc + j] = f[(L.vals >> 2) + k * L.stride + (job.sampleCols[j] as number)] as number;
  }
  const u = job.units;
  if (!u || !st.units) return;
  if (L.decodeAll) pickUnits(f, (L.vals >> 2) - row0 * L.stride, L.stride, row0, nr, job, st.units);
  else for (let k = 0; k < nr; k++) {
    if (needed(k)) pickUnits(f, (L.vals >> 2) - row0 * L.stride, L.stride, row0 + k, 1, job, st.units);
    else pickRaw(job, L, arena, k, row0 + k, st.units);
  }
}

/** Unit features of decoded stored rows [g0, g0 + n): row g's floats start at `base + g · stride`. */
export function pickUnits(f: Float32Array, base: number, stride: number, g0: number, n: number, job: TensorJob, out: Float32Array): void {
  const u = job.units as NonNullable<TensorJob['units']>;
  const cols = u.cols;
  const w = cols.length;
  for (let g = g0; g < g0 + n; g++) {
    const from = base + g * stride;
    const to = hfRow(g, job.rows, job.ropeHeads ?? 0) * u.stride + u.at;
    for (let j = 0; j < w; j++) out[to + j] = f[from + (cols[j] as number)] as number;
  }
}

/** Moments of padded rows [k0, k1), row by row. */
export function rowMoments(job: TensorJob, L: JobLayout, arena: KernelArena, k0: number, k1: number): [number, number] {
  let s = 0;
  let q = 0;
  for (let k = k0; k < k1; k++) {
    const [a, b] = arena.moments(L.vals + k * L.stride * 4, job.cols);
    s += a;
    q += b;
  }
  return [s, q];
}

/** Unit features of undecoded BF16 or F32 stored row g (chunk row k), picked from its raw words. */
export function pickRaw(job: TensorJob, L: JobLayout, arena: KernelArena, k: number, g: number, out: Float32Array): void {
  const u = job.units as NonNullable<TensorJob['units']>;
  const cols = u.cols;
  const to = hfRow(g, job.rows, job.ropeHeads ?? 0) * u.stride + u.at;
  const start = L.raw + k * job.rowBytes;
  if (job.type === 'F32') {
    const f = new Float32Array(arena.buffer, start, job.cols);
    for (let j = 0; j < cols.length; j++) out[to + j] = f[cols[j] as number] as number;
    return;
  }
  const words = new Uint16Array(arena.buffer, start, job.cols);
  const bits = new Uint32Array(out.buffer, out.byteOffset, out.length);
  for (let j = 0; j < cols.length; j++) bits[to + j] = (words[cols[j] as number] as number) << 16;
}

/** Zero the probe regions and lay out the tokens: 'in' at the padded column stride, 'out' in stored row order. */
export function setupProbe(job: TensorJob, L: JobLayout, arena: KernelArena): void {
  const p = job.probe;
  if (!p) return;
  const f = new Float32Array(arena.buffer);
  f.fill(0, L.x >> 2, L.raw >> 2);
  const rope = job.ropeHeads ?? 0;
  for (let t = 0; t < p.n; t++) {
    if (p.mode === 'in') f.set(p.x.subarray(t * job.cols, (t + 1) * job.cols), (L.x >> 2) + t * L.stride);
    else if (!rope) f.set(p.x.subarray(t * job.rows, (t + 1) * job.rows), (L.x >> 2) + t * job.rows);
    else for (let g = 0; g < job.rows; g++) f[(L.x >> 2) + t * job.rows + g] = p.x[t * job.rows + hfRow(g, job.rows, rope)] as number;
  }
  if (p.mode === 'in') arena.quantRows(L.x, L.stride, L.n4, L.xq, L.xScales, QUANT_LIMIT);
}

/** The projection in Hugging Face order, without padding. */
export function finishProbe(job: TensorJob, L: JobLayout, arena: KernelArena): Float32Array {
  const p = job.probe as NonNullable<TensorJob['probe']>;
  const f = new Float32Array(arena.buffer);
  const a = L.acc >> 2;
  if (p.mode === 'out') {
    const out = new Float32Array(p.n * job.cols);
    for (let t = 0; t < p.n; t++) out.set(f.subarray(a + t * L.stride, a + t * L.stride + job.cols), t * job.cols);
    return out;
  }
  const rope = job.ropeHeads ?? 0;
  if (!rope) return f.slice(a, a + p.n * job.rows);
  const out = new Float32Array(p.n * job.rows);
  for (let t = 0; t < p.n; t++) for (let g = 0; g < job.rows; g++) out[t * job.rows + hfRow(g, job.rows, rope)] = f[a + t * job.rows + g] as number;
  return out;
}
