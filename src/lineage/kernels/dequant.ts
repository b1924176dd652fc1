/**
 * Dequantization of one row-chunk of tensor bytes into float32, for the
 * storage types lineage reads. Every function here is self-contained (no
 * imports, no closures over module state) because the worker source is built
 * from their text; see `worker-source.ts`. Block layouts follow ggml-common.h.
 */

/** IEEE half to float, without tables (used for block scales). */
export function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 5.960464477539063e-8;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * Math.pow(2, e - 15);
}

/** Storage types this file dequantizes, with block size and bytes per block. */
export const LINEAGE_TYPES: Readonly<Record<string, { block: number; bytes: number }>> = {
  F32: { block: 1, bytes: 4 },
  F16: { block: 1, bytes: 2 },
  BF16: { block: 1, bytes: 2 },
  Q8_0: { block: 32, bytes: 34 },
  Q4_0: { block: 32, bytes: 18 },
  Q4_K: { block: 256, bytes: 144 },
  Q6_K: { block: 256, bytes: 210 },
};

/**
 * Decode `count` elements of `type` from `src` (starting at byte 0) into `out`.
 * `src` must start on a 4-byte boundary of its ArrayBuffer for F32.
 */
export function dequantize(type: string, src: Uint8Array, out: Float32Array, count: number): void {
  const dv = new DataView(src.buffer, src.byteOffset, src.byteLength);
  if (type === 'F32') {
    out.set(new Float32Array(src.buffer, src.byteOffset, count));
  } else if (type === 'BF16') {
    const u16 = new Uint16Array(src.buffer, src.byteOffset, count);
    const u32 = new Uint32Array(out.buffer, out.byteOffset, count);
    for (let i = 0; i < count; i++) u32[i] = (u16[i] as number) << 16;
  } else if (type === 'F16') {
    for (let i = 0; i < count; i++) out[i] = halfToFloat(dv.getUint16(i * 2, true));
  } else if (type === 'Q8_0') {
    for (let b = 0; b < count / 32; b++) {
      const d = halfToFloat(dv.getUint16(b * 34, true));
      for (let j = 0; j < 32; j++) out[b * 32 + j] = d * dv.getInt8(b * 34 + 2 + j);
    }
  } else if (type === 'Q4_0') {
    for (let b = 0; b < count / 32; b++) {
      const d = halfToFloat(dv.getUint16(b * 18, true));
      for (let j = 0; j < 16; j++) {
        const q = src[b * 18 + 2 + j] as number;
        out[b * 32 + j] = ((q & 0xf) - 8) * d;
        out[b * 32 + j + 16] = ((q >> 4) - 8) * d;
      }
    }
  } else if (type === 'Q4_K') {
    for (let b = 0; b < count / 256; b++) dequantQ4K(src, dv, b * 144, out, b * 256);
  } else if (type === 'Q6_K') {
    for (let b = 0; b < count / 256; b++) dequantQ6K(src, dv, b * 210, out, b * 256);
  } else {
    throw new Error(`lineage cannot dequantize ${type}`);
  }
}

/** One Q4_K super-block: d, dmin, 12 bytes of packed 6-bit scales and mins, 128 bytes of nibbles. */
export function dequantQ4K(src: Uint8Array, dv: DataView, at: number, out: Float32Array, to: number): void {
  const d = halfToFloat(dv.getUint16(at, true));
  const dmin = halfToFloat(dv.getUint16(at + 2, true));
  const sc = at + 4;
  const qs = at + 16;
  for (let j = 0; j < 8; j++) {
    // Sub-blocks 0-3 keep 6 bits in the low bits; 4-7 borrow their top 2 bits from bytes 0-7.
    const s = j < 4 ? (src[sc + j] as number) & 63 : ((src[sc + j + 4] as number) & 0xf) | (((src[sc + j - 4] as number) >> 6) << 4);
    const m = j < 4 ? (src[sc + j + 4] as number) & 63 : ((src[sc + j + 4] as number) >> 4) | (((src[sc + j] as number) >> 6) << 4);
    const scale = d * s;
    const min = dmin * m;
    const base = qs + (j >> 1) * 32;
    const shift = (j & 1) * 4;
    for (let l = 0; l < 32; l++) out[to + j * 32 + l] = scale * (((src[base + l] as number) >> shift) & 0xf) - min;
  }
}

/** One Q6_K super-block: 128 bytes low nibbles, 64 bytes high 2-bit pairs, 16 int8 scales, d. */
export function dequantQ6K(src: Uint8Array, dv: DataView, at: number, out: Float32Array, to: number): void {
  const d = halfToFloat(dv.getUint16(at + 208, true));
  for (let half = 0; half < 2; half++) {
    const ql = at + half * 64;
    const qh = at + 128 + half * 32;
    const sc = at + 192 + half * 8;
    const y = to + half * 128;
    for (let l = 0; l < 32; l++) {
      const is = l >> 4;
      const h = src[qh + l] as number;
      const lo0 = src[ql + l] as number;
      const lo1 = src[ql + l + 32] as number;
      out[y + l] = d * dv.getInt8(sc + is) * (((lo0 & 0xf) | ((h & 3) << 4)) - 32);
      out[y + l + 32] = d * dv.getInt8(sc + is + 2) * (((lo1 & 0xf) | (((h >> 2) & 3) << 4)) - 32);
      out[y + l + 64] = d * dv.getInt8(sc + is + 4) * (((lo0 >> 4) | (((h >> 4) & 3) << 4)) - 32);
      out[y + l + 96] = d * dv.getInt8(sc + is + 6) * (((lo1 >> 4) | (((h >> 6) & 3) << 4)) - 32);
    }
  }
}
