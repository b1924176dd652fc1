/**
 * Typed access to GGUF metadata for consumers (license checks read
 * `general.license`, lineage reads architecture and tensor ranges).
 */
import type { GgufHeader, GgufTensorInfo } from './header-types.js';
import type { GgufArray } from './value-types.js';

/** A string KV value, or undefined when absent or of another type. */
export function ggufString(h: GgufHeader, key: string): string | undefined {
  const v = h.kv.get(key)?.value;
  return typeof v === 'string' ? v : undefined;
}

/** A numeric KV value as a number (64-bit integers converted), or undefined. */
export function ggufNumber(h: GgufHeader, key: string): number | undefined {
  const v = h.kv.get(key)?.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** An array KV value, or undefined when absent or a scalar. */
export function ggufArray(h: GgufHeader, key: string): GgufArray | undefined {
  const v = h.kv.get(key)?.value;
  return typeof v === 'object' ? v : undefined;
}

/**
 * Absolute byte range of a tensor's data, or undefined when its size is
 * unknown or it lies outside the file (the header's problems say why).
 * @example const r = tensorDataRange(h, h.tensors[0]!); if (r) await src.read(r.start, r.end - r.start);
 */
export function tensorDataRange(h: GgufHeader, t: GgufTensorInfo, fileSize?: number): { start: number; end: number } | undefined {
  if (t.bytes === undefined) return undefined;
  const start = BigInt(h.dataStart) + t.offset;
  const end = start + t.bytes;
  if (fileSize !== undefined && end > BigInt(fileSize)) return undefined;
  if (end > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { start: Number(start), end: Number(end) };
}
