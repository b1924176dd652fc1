/** Shapes of the per-tensor pass (`tensor-job.ts`): the job, its result, and its working state. Types only, so the kernel text stays one module. */
import type { dequantize } from './dequant.js';

/** The decoder, passed in so the kernel text has no module references. */
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
  /**
   * Unit features of MLP rows: columns `cols` of every row, written straight
   * into the shared buffer `out` at float `r · stride + at + j`, so no copy
   * or interleave of them is left for the main thread.
   */
  units?: { cols: number[]; out: SharedArrayBuffer; at: number; stride: number };
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
  /** Tensor bytes this job read. */
  bytesRead: number;
}

/** Byte offsets of a job's regions in the arena; rows of floats are `stride` wide (cols rounded up to 8, zero-padded). */
export interface JobLayout {
  stride: number;
  n4: number;
  rowsPerChunk: number;
  /** rowsPerChunk rounded up to 8: the width of the per-chunk token rows of 'out' jobs. */
  nrPad: number;
  x: number;
  acc: number;
  raw: number;
  vals: number;
  /** Probes: the tokens as i16 and their scales ('in': once; 'out': per chunk, from `xc`). */
  xq: number;
  xScales: number;
  /** Probes: the chunk's rows as i16 and their scales. */
  wq: number;
  wScales: number;
  /** 'out' probes: tokens times each row's scale (f32), and the rows paired for the dot products. */
  xc: number;
  wp: number;
  end: number;
  /** Whole chunks are decoded (probe jobs and types without a cheap per-value pick). */
  decodeAll: boolean;
}

/** Per-job state the chunk folds share. */
export interface JobState {
  L: JobLayout;
  /** Sample slot of each Hugging Face row, or -1. */
  slot: Int32Array;
  /** 1 for stored rows the moments are taken over; undefined: every row. */
  moment: Uint8Array | undefined;
  units: Float32Array | undefined;
}
