/**
 * One worker's working memory and the kernels that run on it: the memory of a
 * WebAssembly SIMD instance when one can be made, else an ArrayBuffer with the
 * JavaScript kernels (same numbers, slower). Tensor bytes are read straight
 * into it, so the kernels see them without a copy. Self-contained, like the
 * rest of the kernel text the worker is built from.
 */
import type * as jsKernels from './js-kernels.js';

/** The JavaScript kernels, passed in so this text has no module references (test runners rewrite them). */
export type JsKernels = Pick<typeof jsKernels, 'jsWidenBf16' | 'jsWidenF16' | 'jsMoments' | 'jsProjectIn' | 'jsQuantRows' | 'jsProjectInQ' | 'jsPairRows' | 'jsProjectOutQ'>;

/** Kernels over byte offsets of `buffer` (bytes 0-255 are their scratch); `ensure` may replace `buffer`, so take views after it. */
export interface KernelArena {
  readonly simd: boolean;
  buffer: ArrayBuffer;
  ensure(bytes: number): void;
  widenBf16(src: number, dst: number, n: number): void;
  widenF16(src: number, dst: number, n: number): void;
  moments(src: number, n: number): [number, number];
  projectIn(x: number, xStride: number, n4: number, w: number, cols: number, nr: number, out: number, outStride: number): void;
  quantRows(src: number, stride: number, nr: number, dst: number, scales: number, limit: number): void;
  projectInQ(x: number, xStride: number, n4: number, w: number, cols: number, nr: number, out: number, outStride: number, xScales: number, wScales: number): void;
  pairRows(src: number, stride: number, nr: number, dst: number): void;
  projectOutQ(x: number, xStride: number, n4: number, w: number, cols: number, npairs: number, out: number, outStride: number, xScales: number): void;
}

type Fn = (...args: number[]) => void;

/** The slice of the WebAssembly API used here (the project's `lib` carries no WebAssembly types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The arena: SIMD when `wasm` (the module of `simd-module.ts`) compiles here, JavaScript otherwise. */
export function createArena(wasm: Uint8Array | undefined, js: JsKernels): KernelArena {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  let exports: Record<string, unknown> | undefined;
  try {
    if (wasm && api?.validate(wasm)) exports = new api.Instance(new api.Module(wasm)).exports;
  } catch {
    exports = undefined;
  }
  const tailMoments = (f: Float32Array, from: number, to: number, acc: [number, number]): [number, number] => {
    for (let i = from; i < to; i++) {
      const v = f[i] as number;
      acc[0] += v;
      acc[1] += v * v;
    }
    return acc;
  };
  if (!exports) {
    let buf = new ArrayBuffer(1 << 20);
    return {
      simd: false,
      get buffer() {
        return buf;
      },
      ensure(bytes) {
        if (bytes > buf.byteLength) buf = new ArrayBuffer(Math.ceil(bytes / 65536) * 65536);
      },
      widenBf16: (src, dst, n) => js.jsWidenBf16(buf, src, dst, n),
      widenF16: (src, dst, n) => js.jsWidenF16(buf, src, dst, n),
      moments: (src, n) => tailMoments(new Float32Array(buf, src, n), n & ~3, n, js.jsMoments(buf, src, n & ~3)),
      projectIn: (...a) => js.jsProjectIn(buf, ...a),
      quantRows: (...a) => js.jsQuantRows(buf, ...a),
      projectInQ: (...a) => js.jsProjectInQ(buf, ...a),
      pairRows: (...a) => js.jsPairRows(buf, ...a),
      projectOutQ: (...a) => js.jsProjectOutQ(buf, ...a),
    };
  }
  const ex = exports as Record<'widen_bf16' | 'widen_f16' | 'moments' | 'project_in' | 'quant_rows' | 'project_in_q' | 'pair_rows' | 'project_out_q', Fn> & { memory: WasmMemory };
  return {
    simd: true,
    get buffer() {
      return ex.memory.buffer;
    },
    ensure(bytes) {
      const have = ex.memory.buffer.byteLength;
      if (bytes > have) ex.memory.grow(Math.ceil((bytes - have) / 65536));
    },
    widenBf16: (src, dst, n) => ex.widen_bf16(src, dst, n),
    widenF16: (src, dst, n) => ex.widen_f16(src, dst, n),
    moments(src, n) {
      ex.moments(src, n & ~3, 0);
      const r = new Float64Array(ex.memory.buffer, 0, 2);
      return tailMoments(new Float32Array(ex.memory.buffer, src, n), n & ~3, n, [r[0] as number, r[1] as number]);
    },
    projectIn: (...a) => ex.project_in(...a),
    quantRows: (...a) => ex.quant_rows(...a),
    projectInQ: (...a) => ex.project_in_q(...a),
    pairRows: (...a) => ex.pair_rows(...a),
    projectOutQ: (...a) => ex.project_out_q(...a),
  };
}
