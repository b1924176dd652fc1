/**
 * Element types a safetensors header may name, with their width in bits.
 * Sub-byte types (F4, F6_*) pack elements, so sizes are computed in bits and
 * a tensor must fill whole bytes.
 */

/** Bits per element for every dtype the safetensors library (0.6+) accepts. */
export const SAFETENSORS_DTYPE_BITS: Readonly<Record<string, number>> = {
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  F8_E4M3FNUZ: 8,
  F8_E5M2FNUZ: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  C64: 64,
  F64: 64,
  I64: 64,
  U64: 64,
};

/** True when `dtype` is a name safetensors knows. */
export function isSafetensorsDtype(dtype: string): boolean {
  return Object.hasOwn(SAFETENSORS_DTYPE_BITS, dtype);
}

/**
 * Bytes a tensor of `dtype` and `shape` occupies, computed in BigInt; undefined
 * for unknown dtypes or element counts that do not fill whole bytes.
 * @example safetensorsByteSize('BF16', [4096, 4096]) // 33554432n
 */
export function safetensorsByteSize(dtype: string, shape: readonly (number | bigint)[]): bigint | undefined {
  if (!isSafetensorsDtype(dtype)) return undefined;
  const bits = BigInt(SAFETENSORS_DTYPE_BITS[dtype] ?? 0);
  let n = 1n;
  for (const d of shape) n *= BigInt(d);
  const total = n * bits;
  return total % 8n === 0n ? total / 8n : undefined;
}
