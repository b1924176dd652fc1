/**
 * The SIMD kernels of `simd-module.ts` in plain JavaScript, rounding to f32
 * where the module does and adding in the same order, so both give the same
 * bits for finite weights (a row holding NaN or infinity comes out non-finite
 * in both, not always with the same bits). Used where WebAssembly SIMD is
 * missing, and as the reference in tests.
 * Self-contained (the worker source is built from their text); pointers are
 * byte offsets into `buf`.
 */

/** dst[i] = f32 of the BF16 word src[i], for n words rounded up to 8. */
export function jsWidenBf16(buf: ArrayBuffer, src: number, dst: number, n: number): void {
  const m = (n + 7) & ~7;
  const words = new Uint16Array(buf, src, m);
  const out = new Uint32Array(buf, dst, m);
  for (let i = 0; i < m; i++) out[i] = (words[i] as number) << 16;
}

/** dst[i] = f32 of the IEEE half src[i], for n halves rounded up to 8 (the bits `halfToFloat` gives, NaN payloads kept). */
export function jsWidenF16(buf: ArrayBuffer, src: number, dst: number, n: number): void {
  const m = (n + 7) & ~7;
  const words = new Uint16Array(buf, src, m);
  const bits = new Uint32Array(buf, dst, m);
  const f = new Float32Array(buf, dst, m);
  for (let i = 0; i < m; i++) {
    const h = words[i] as number;
    const em = h & 0x7fff;
    if (em < 0x400) f[i] = (h & 0x8000 ? -em : em) * 2 ** -24;
    else bits[i] = ((h & 0x8000) << 16) | ((em << 13) + (em > 0x7bff ? 0x70000000 : 0x38000000));
  }
}

/** [Σ v, Σ v²] in f64 over n f32 values (n a multiple of 4), lane k taking elements ≡ k mod 4. */
export function jsMoments(buf: ArrayBuffer, src: number, n: number): [number, number] {
  const v = new Float32Array(buf, src, n);
  const s = [0, 0, 0, 0];
  const q = [0, 0, 0, 0];
  for (let i = 0; i < n; i += 4) {
    for (let k = 0; k < 4; k++) {
      const x = v[i + k] as number;
      s[k] = (s[k] as number) + x;
      q[k] = (q[k] as number) + x * x;
    }
  }
  return [(s[0] as number) + (s[1] as number) + ((s[2] as number) + (s[3] as number)), (q[0] as number) + (q[1] as number) + ((q[2] as number) + (q[3] as number))];
}

/** out[t, r] = x[t] · w[r] with four f32 lane sums per dot product. */
export function jsProjectIn(buf: ArrayBuffer, x: number, xStride: number, n4: number, w: number, cols: number, nr: number, out: number, outStride: number): void {
  const f = new Float32Array(buf);
  const fr = Math.fround;
  for (let r = 0; r < nr; r++) {
    const wo = (w >> 2) + r * cols;
    for (let t = 0; t < n4; t++) {
      const xo = (x + t * xStride) >> 2;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let c = 0; c < cols; c += 4) {
        a0 = fr(a0 + fr((f[xo + c] as number) * (f[wo + c] as number)));
        a1 = fr(a1 + fr((f[xo + c + 1] as number) * (f[wo + c + 1] as number)));
        a2 = fr(a2 + fr((f[xo + c + 2] as number) * (f[wo + c + 2] as number)));
        a3 = fr(a3 + fr((f[xo + c + 3] as number) * (f[wo + c + 3] as number)));
      }
      f[(out + t * outStride + r * 4) >> 2] = fr(fr(a0 + a1) + fr(a2 + a3));
    }
  }
}

/** quant_rows: i16 rows scaled to ±limit by their largest magnitude (rounded to nearest even), and each row's f32 scale back. */
export function jsQuantRows(buf: ArrayBuffer, src: number, stride: number, nr: number, dst: number, scales: number, limit: number): void {
  const fr = Math.fround;
  const f = new Float32Array(buf);
  const q = new Int16Array(buf);
  // Adding 1.5 · 2²³ leaves v rounded to nearest even in the low bits, as the SIMD kernel does.
  const sum = new Float32Array(1);
  const bits = new Int32Array(sum.buffer);
  for (let r = 0; r < nr; r++) {
    const row = (src >> 2) + r * stride;
    let m = 0;
    for (let c = 0; c < stride; c++) m = Math.max(m, Math.abs(f[row + c] as number));
    const scale = m > 0 ? fr(limit / m) : 0;
    f[(scales >> 2) + r] = fr(m / limit);
    for (let c = 0; c < stride; c++) {
      sum[0] = fr((f[row + c] as number) * scale) + 12582912;
      q[(dst >> 1) + r * stride + c] = (bits[0] as number) - 0x4b400000;
    }
  }
}

/** project_in_q: exact integer sums per 512 columns, lanes of two adjacent columns, moved to f32 per block. */
export function jsProjectInQ(buf: ArrayBuffer, x: number, xStride: number, n4: number, w: number, cols: number, nr: number, out: number, outStride: number, xScales: number, wScales: number): void {
  const fr = Math.fround;
  const f = new Float32Array(buf);
  const q = new Int16Array(buf);
  for (let r = 0; r < nr; r++) {
    const wo = (w >> 1) + r * cols;
    for (let t = 0; t < n4; t++) {
      const xo = (x + t * xStride) >> 1;
      const lanes = [0, 0, 0, 0];
      for (let c0 = 0; c0 < cols; c0 += 512) {
        const ints = [0, 0, 0, 0];
        for (let c = c0; c < Math.min(c0 + 512, cols); c += 8) {
          for (let k = 0; k < 4; k++) ints[k] = (ints[k] as number) + (q[xo + c + 2 * k] as number) * (q[wo + c + 2 * k] as number) + (q[xo + c + 2 * k + 1] as number) * (q[wo + c + 2 * k + 1] as number);
        }
        for (let k = 0; k < 4; k++) lanes[k] = fr((lanes[k] as number) + fr(ints[k] as number));
      }
      const total = fr(fr((lanes[0] as number) + (lanes[1] as number)) + fr((lanes[2] as number) + (lanes[3] as number)));
      f[(out + t * outStride + r * 4) >> 2] = fr(fr(total * (f[(xScales >> 2) + t] as number)) * (f[(wScales >> 2) + r] as number));
    }
  }
}

/** pair_rows: i16 rows r and r+1 interleaved column by column (zeros for a missing last row). */
export function jsPairRows(buf: ArrayBuffer, src: number, stride: number, nr: number, dst: number): void {
  const q = new Int16Array(buf);
  for (let p = 0; p < nr; p += 2) {
    for (let c = 0; c < stride; c++) {
      // Pair p/2 takes 2 · stride values from (p/2) · 2 · stride = p · stride.
      q[(dst >> 1) + p * stride + 2 * c] = q[(src >> 1) + p * stride + c] as number;
      q[(dst >> 1) + p * stride + 2 * c + 1] = p + 1 < nr ? (q[(src >> 1) + (p + 1) * stride + c] as number) : 0;
    }
  }
}

/** project_out_q: out[t, c] += xScales[t] · (integer sum over each block of 64 row pairs), block by block. */
export function jsProjectOutQ(buf: ArrayBuffer, x: number, xStride: number, n4: number, w: number, cols: number, npairs: number, out: number, outStride: number, xScales: number): void {
  const fr = Math.fround;
  const f = new Float32Array(buf);
  const q = new Int16Array(buf);
  for (let t = 0; t < n4; t++) {
    const xo = (x + t * xStride) >> 1;
    const oo = (out + t * outStride) >> 2;
    const scale = f[(xScales >> 2) + t] as number;
    for (let p0 = 0; p0 < npairs; p0 += 64) {
      for (let c = 0; c < cols; c++) {
        let sum = 0;
        for (let p = p0; p < Math.min(p0 + 64, npairs); p++) {
          const wo = (w >> 1) + p * cols * 2 + 2 * c;
          sum += (q[xo + 2 * p] as number) * (q[wo] as number) + (q[xo + 2 * p + 1] as number) * (q[wo + 1] as number);
        }
        f[oo + c] = fr((f[oo + c] as number) + fr(fr(sum) * scale));
      }
    }
  }
}
