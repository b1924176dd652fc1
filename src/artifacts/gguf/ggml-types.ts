/**
 * Tensor element types of ggml (the `type` field of a GGUF tensor info) and
 * the arithmetic that turns dimensions into byte sizes. Quantized types store
 * `blockSize` elements in `typeSize` bytes; a row must hold whole blocks.
 */

/** One ggml tensor type: its numeric id, name and block layout. */
export interface GgmlTypeInfo {
  readonly id: number;
  readonly name: string;
  /** Elements per block (1 for plain scalar types). */
  readonly blockSize: number;
  /** Bytes per block. */
  readonly typeSize: number;
  /** Ids that llama.cpp dropped from GGUF files: old files may hold them, current loaders refuse them. */
  readonly removed?: boolean;
}

const QK_K = 256;

// Sizes follow the block structs in ggml-common.h; ids are append-only with gaps.
const TABLE: readonly GgmlTypeInfo[] = [
  { id: 0, name: 'F32', blockSize: 1, typeSize: 4 },
  { id: 1, name: 'F16', blockSize: 1, typeSize: 2 },
  { id: 2, name: 'Q4_0', blockSize: 32, typeSize: 2 + 16 },
  { id: 3, name: 'Q4_1', blockSize: 32, typeSize: 2 + 2 + 16 },
  { id: 6, name: 'Q5_0', blockSize: 32, typeSize: 2 + 4 + 16 },
  { id: 7, name: 'Q5_1', blockSize: 32, typeSize: 2 + 2 + 4 + 16 },
  { id: 8, name: 'Q8_0', blockSize: 32, typeSize: 2 + 32 },
  { id: 9, name: 'Q8_1', blockSize: 32, typeSize: 2 + 2 + 32 },
  { id: 10, name: 'Q2_K', blockSize: QK_K, typeSize: QK_K / 16 + QK_K / 4 + 2 + 2 },
  { id: 11, name: 'Q3_K', blockSize: QK_K, typeSize: QK_K / 8 + QK_K / 4 + 12 + 2 },
  { id: 12, name: 'Q4_K', blockSize: QK_K, typeSize: 2 + 2 + 12 + QK_K / 2 },
  { id: 13, name: 'Q5_K', blockSize: QK_K, typeSize: 2 + 2 + 12 + QK_K / 8 + QK_K / 2 },
  { id: 14, name: 'Q6_K', blockSize: QK_K, typeSize: QK_K / 2 + QK_K / 4 + QK_K / 16 + 2 },
  { id: 15, name: 'Q8_K', blockSize: QK_K, typeSize: 4 + QK_K + (QK_K / 16) * 2 },
  { id: 16, name: 'IQ2_XXS', blockSize: QK_K, typeSize: 2 + QK_K / 4 },
  { id: 17, name: 'IQ2_XS', blockSize: QK_K, typeSize: 2 + QK_K / 4 + QK_K / 32 },
  { id: 18, name: 'IQ3_XXS', blockSize: QK_K, typeSize: 2 + QK_K / 4 + QK_K / 8 },
  { id: 19, name: 'IQ1_S', blockSize: QK_K, typeSize: 2 + QK_K / 8 + QK_K / 16 },
  { id: 20, name: 'IQ4_NL', blockSize: 32, typeSize: 2 + 16 },
  { id: 21, name: 'IQ3_S', blockSize: QK_K, typeSize: 2 + QK_K / 4 + QK_K / 8 + QK_K / 32 + 4 },
  { id: 22, name: 'IQ2_S', blockSize: QK_K, typeSize: 2 + QK_K / 4 + QK_K / 16 },
  { id: 23, name: 'IQ4_XS', blockSize: QK_K, typeSize: 2 + 2 + QK_K / 2 + QK_K / 64 },
  { id: 24, name: 'I8', blockSize: 1, typeSize: 1 },
  { id: 25, name: 'I16', blockSize: 1, typeSize: 2 },
  { id: 26, name: 'I32', blockSize: 1, typeSize: 4 },
  { id: 27, name: 'I64', blockSize: 1, typeSize: 8 },
  { id: 28, name: 'F64', blockSize: 1, typeSize: 8 },
  { id: 29, name: 'IQ1_M', blockSize: QK_K, typeSize: QK_K / 8 + QK_K / 16 + QK_K / 32 },
  { id: 30, name: 'BF16', blockSize: 1, typeSize: 2 },
  { id: 31, name: 'Q4_0_4_4', blockSize: 32, typeSize: 18, removed: true },
  { id: 32, name: 'Q4_0_4_8', blockSize: 32, typeSize: 18, removed: true },
  { id: 33, name: 'Q4_0_8_8', blockSize: 32, typeSize: 18, removed: true },
  { id: 34, name: 'TQ1_0', blockSize: QK_K, typeSize: 2 + 4 * 13 },
  { id: 35, name: 'TQ2_0', blockSize: QK_K, typeSize: 2 + QK_K / 4 },
  { id: 36, name: 'IQ4_NL_4_4', blockSize: 32, typeSize: 18, removed: true },
  { id: 37, name: 'IQ4_NL_4_8', blockSize: 32, typeSize: 18, removed: true },
  { id: 38, name: 'IQ4_NL_8_8', blockSize: 32, typeSize: 18, removed: true },
  { id: 39, name: 'MXFP4', blockSize: 32, typeSize: 1 + 16 },
  // Four 16-element sub-blocks, each with a one-byte E4M3 scale.
  { id: 40, name: 'NVFP4', blockSize: 64, typeSize: 4 + 32 },
];

/** Every ggml type this reader can size, keyed by id. */
export const GGML_TYPES: ReadonlyMap<number, GgmlTypeInfo> = new Map(TABLE.map((t) => [t.id, t]));

const BY_NAME: ReadonlyMap<string, GgmlTypeInfo> = new Map(TABLE.map((t) => [t.name, t]));

/** Look up a ggml type by id; undefined for ids this reader does not know. */
export function ggmlType(id: number): GgmlTypeInfo | undefined {
  return GGML_TYPES.get(id);
}

/** Look up a ggml type by name (`'Q4_K'`), for writers and tests. */
export function ggmlTypeByName(name: string): GgmlTypeInfo | undefined {
  return BY_NAME.get(name);
}

/** Largest element count ggml accepts (its `ne` fields are int64). */
export const GGML_MAX_ELEMENTS = (1n << 63n) - 1n;

/** Outcome of sizing a tensor: bytes, or why it cannot be sized. */
export type TensorSize =
  | { ok: true; elements: bigint; bytes: bigint }
  | { ok: false; reason: 'unknown-type' | 'overflow' | 'partial-block' | 'negative' };

/**
 * Elements and bytes of a tensor with ggml dimensions `dims` (fastest first).
 * BigInt throughout, since hostile dimensions overflow doubles and int64.
 * @example tensorSize(0, [64n, 512n]) // { ok: true, elements: 32768n, bytes: 131072n }
 */
export function tensorSize(typeId: number, dims: readonly bigint[]): TensorSize {
  const t = GGML_TYPES.get(typeId);
  if (!t) return { ok: false, reason: 'unknown-type' };
  let elements = 1n;
  for (const d of dims) {
    if (d < 0n) return { ok: false, reason: 'negative' };
    elements *= d;
    if (elements > GGML_MAX_ELEMENTS) return { ok: false, reason: 'overflow' };
  }
  // Rows hold whole blocks: ggml sizes a row as ne0 / blockSize blocks.
  const ne0 = dims[0] ?? 1n;
  const block = BigInt(t.blockSize);
  if (ne0 % block !== 0n) return { ok: false, reason: 'partial-block' };
  return { ok: true, elements, bytes: (elements / block) * BigInt(t.typeSize) };
}

/** Bytes of one row of `ne0` elements; undefined for unknown types or partial blocks. */
export function rowBytes(typeId: number, ne0: number): number | undefined {
  const t = GGML_TYPES.get(typeId);
  if (!t || ne0 % t.blockSize !== 0) return undefined;
  return (ne0 / t.blockSize) * t.typeSize;
}

/** Round `n` up to a multiple of `alignment` (a power of two in valid files). */
export function alignUp(n: bigint, alignment: bigint): bigint {
  const rem = n % alignment;
  return rem === 0n ? n : n + alignment - rem;
}
