/**
 * Shapes the GGUF header reader returns, shared by the layout checks,
 * the scanner and later consumers (licenses, lineage).
 */
import type { GgufProblem } from './problems.js';
import type { GgufKv } from './value-types.js';

/** One tensor as described in the header. */
export interface GgufTensorInfo {
  name: string;
  /** ggml dimensions, fastest-varying first (the reverse of a PyTorch shape). */
  dims: bigint[];
  typeId: number;
  /** Type name, or undefined for ids this reader does not know. */
  type?: string;
  /** Data offset relative to `dataStart`, as stored. */
  offset: bigint;
  /** Data size from the type table; undefined when it cannot be computed. */
  bytes?: bigint;
  /** Where this tensor's info record starts in the file. */
  infoOffset: number;
}

/** Everything the header says, plus the problems found reading it. */
export interface GgufHeader {
  /** Format version (0 when the magic or version could not be read). */
  version: number;
  tensorCount: bigint;
  kvCount: bigint;
  /** First entry for each key (duplicates are reported and kept in `entries`). */
  kv: Map<string, GgufKv>;
  /** Every metadata entry in file order. */
  entries: GgufKv[];
  tensors: GgufTensorInfo[];
  /** `general.alignment`, or 32 when absent or invalid. */
  alignment: number;
  /** Absolute offset where tensor data begins. */
  dataStart: number;
  /** Absolute offset just past the last tensor's padded data (where trailing bytes would start). */
  dataEnd: number;
  /** True when every KV and tensor info was read. */
  complete: boolean;
  problems: GgufProblem[];
}
