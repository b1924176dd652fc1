/** Test-only quantizers (ggml block layouts) so calibration models can be written as quantized GGUF. */

/** Float to IEEE half bits, rounding to nearest. */
export function toHalf(x: number): number {
  const f = new Float32Array([x]);
  const b = new Uint32Array(f.buffer)[0] as number;
  const sign = (b >>> 16) & 0x8000;
  const exp = ((b >>> 23) & 0xff) - 127 + 15;
  const mant = b & 0x7fffff;
  if (exp <= 0) return sign | Math.round((mant | 0x800000) / 2 ** (14 - exp));
  if (exp >= 31) return sign | 0x7c00;
  const h = sign | (exp << 10) | (mant >> 13);
  return mant & 0x1000 ? h + 1 : h;
}

function halfValue(h: number): number {
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  const v = e === 0 ? f * 2 ** -24 : (1 + f / 1024) * 2 ** (e - 15);
  return h & 0x8000 ? -v : v;
}

/** Quantize to Q8_0: per 32 values, d = amax / 127 and int8 quants. */
export function quantizeQ8_0(x: Float32Array): Uint8Array {
  const out = new Uint8Array((x.length / 32) * 34);
  const dv = new DataView(out.buffer);
  for (let b = 0; b < x.length / 32; b++) {
    let amax = 0;
    for (let j = 0; j < 32; j++) amax = Math.max(amax, Math.abs(x[b * 32 + j] as number));
    const h = toHalf(amax / 127);
    const d = halfValue(h);
    dv.setUint16(b * 34, h, true);
    for (let j = 0; j < 32; j++) dv.setInt8(b * 34 + 2 + j, d ? Math.max(-127, Math.min(127, Math.round((x[b * 32 + j] as number) / d))) : 0);
  }
  return out;
}

/** Quantize to Q4_0: per 32 values, d = max / -8 and nibbles offset by 8 (low half first). */
export function quantizeQ4_0(x: Float32Array): Uint8Array {
  const out = new Uint8Array((x.length / 32) * 18);
  const dv = new DataView(out.buffer);
  for (let b = 0; b < x.length / 32; b++) {
    let max = 0;
    for (let j = 0; j < 32; j++) if (Math.abs(x[b * 32 + j] as number) > Math.abs(max)) max = x[b * 32 + j] as number;
    const h = toHalf(max / -8);
    const d = halfValue(h);
    dv.setUint16(b * 18, h, true);
    const q = (v: number) => (d ? Math.min(15, Math.max(0, Math.trunc(v / d + 8.5))) : 8);
    for (let j = 0; j < 16; j++) out[b * 18 + 2 + j] = q(x[b * 32 + j] as number) | (q(x[b * 32 + 16 + j] as number) << 4);
  }
  return out;
}
