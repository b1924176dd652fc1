/**
 * The fingerprint's hot loops as a WebAssembly SIMD module: widening BF16 and
 * F16 to f32, moments in f64, the f32x4 product X·Wᵀ (the invariant terms'
 * Gram products), and (in `quantized.ts`) the 16-bit integer projections
 * X·Wᵀ ('in') and X·W ('out') of tensor rows. Every pointer is a byte offset
 * into the module's memory.
 * `js-kernels.ts` computes the same numbers, bit for bit, in plain JavaScript;
 * keep the two in step (a test compares them).
 *
 * Register blocking: 2 rows × 4 tokens of accumulators, so each loaded vector
 * feeds several products while everything stays within the 16 vector
 * registers of x86-64.
 */
import { frame, hsum, rowPairs, seq } from './frame.js';
import { pairRows, projectInQ, projectOutQ, quantRows } from './quantized.js';
import { forLoop, I, ifElse, T, wasmModule, type WasmFunction } from './wasm-emit.js';

/** widen_bf16(src, dst, n): dst[i] = f32 of the BF16 word src[i], eight at a time (n rounded up to 8). */
function widenBf16(): WasmFunction {
  const { at, decl } = frame(['src', 'dst', 'n'], [[T.i32, ['i', 'end', 'd']]]);
  const { get, set } = I;
  const half = (extend: number[], offset: number) => [...get(at('d')), ...get(at('src')), ...get(at('i')), ...I.add, ...I.vLoad(), ...extend, ...I.i32(16), ...I.i32x4Shl, ...I.vStore(offset)];
  const body = [
    ...get(at('n')), ...I.i32(2), ...I.mul, ...set(at('end')),
    ...forLoop(at('i'), I.i32(0), get(at('end')), I.i32(16), [
      ...get(at('dst')), ...get(at('i')), ...I.i32(2), ...I.mul, ...I.add, ...set(at('d')),
      ...half(I.i32x4ExtendLowU16, 0),
      ...half(I.i32x4ExtendHighU16, 16),
    ]),
  ];
  return { name: 'widen_bf16', params: 3, locals: decl, body };
}

/**
 * widen_f16(src, dst, n): IEEE half to f32 bits, eight at a time (n rounded up to 8).
 * When all eight are normal (the usual case) the sign-extended half shifted by 13,
 * masked to sign and magnitude, plus the exponent rebias (112 << 23), is the f32.
 * Otherwise, exactly per value: subnormals (and zero) are their significand × 2⁻²⁴,
 * infinities and NaNs keep an all-ones exponent.
 */
function widenF16(): WasmFunction {
  const consts = { low15: 0x7fff, bias: 0x38000000, tiny: 0x33800000, maxFinite: 0x7bff, minNormal: 0x400, sign: 0x8000, signMag: 0x8fffe000 | 0 };
  const names = Object.keys(consts);
  const { at, decl } = frame(['src', 'dst', 'n'], [[T.i32, ['i', 'end', 'd']], [T.v128, ['h', 'x', 'em', 'norm', 'exp', 'expAll', ...names]]]);
  const { get, set } = I;
  const c = (name: keyof typeof consts) => get(at(name));
  const exact = (extend: number[], offset: number) => [
    ...get(at('h')), ...extend, ...set(at('x')),
    ...get(at('x')), ...c('low15'), ...I.vAnd, ...set(at('em')),
    ...get(at('em')), ...I.i32(13), ...I.i32x4Shl, ...c('bias'), ...I.i32x4Add, ...set(at('norm')),
    ...get(at('d')),
    ...get(at('em')), ...I.f32x4ConvertU, ...c('tiny'), ...I.f32x4Mul,
    ...get(at('norm')), ...c('bias'), ...I.i32x4Add,
    ...get(at('norm')),
    ...get(at('em')), ...c('maxFinite'), ...I.i32x4GtU,
    ...I.vBitselect,
    ...get(at('em')), ...c('minNormal'), ...I.i32x4LtU,
    ...I.vBitselect,
    ...get(at('x')), ...c('sign'), ...I.vAnd, ...I.i32(16), ...I.i32x4Shl, ...I.vOr,
    ...I.vStore(offset),
  ];
  const fast = (extend: number[], offset: number) => [
    ...get(at('d')), ...get(at('h')), ...extend, ...I.i32(13), ...I.i32x4Shl, ...c('signMag'), ...I.vAnd, ...c('bias'), ...I.i32x4Add, ...I.vStore(offset),
  ];
  const body = [
    // Constants live in locals: splatting them inside the loop costs as much as the conversion.
    ...Object.entries(consts).flatMap(([name, v]) => [...I.i32(v), ...I.i32x4Splat, ...set(at(name))]),
    ...I.i32(0x7c00), ...I.i16x8Splat, ...set(at('expAll')),
    ...get(at('n')), ...I.i32(2), ...I.mul, ...set(at('end')),
    ...forLoop(at('i'), I.i32(0), get(at('end')), I.i32(16), [
      ...get(at('dst')), ...get(at('i')), ...I.i32(2), ...I.mul, ...I.add, ...set(at('d')),
      ...get(at('src')), ...get(at('i')), ...I.add, ...I.vLoad(), ...set(at('h')),
      ...get(at('h')), ...get(at('expAll')), ...I.vAnd, ...set(at('exp')),
      // Any exponent all zeros or all ones among the eight?
      ...get(at('exp')), ...I.vZero, ...I.i16x8Eq, ...get(at('exp')), ...get(at('expAll')), ...I.i16x8Eq, ...I.vOr, ...I.vAnyTrue,
      ...ifElse([...exact(I.i32x4ExtendLowU16, 0), ...exact(I.i32x4ExtendHighU16, 16)], [...fast(I.i32x4ExtendLowS16, 0), ...fast(I.i32x4ExtendHighS16, 16)]),
    ]),
  ];
  return { name: 'widen_f16', params: 3, locals: decl, body };
}

/** moments(src, n, out): out[0] = Σ v, out[1] = Σ v² in f64 over n f32 values (n a multiple of 4); lane k takes elements ≡ k mod 4. */
function moments(): WasmFunction {
  const { at, decl } = frame(['src', 'n', 'out'], [[T.i32, ['i', 'end']], [T.v128, ['s0', 's1', 'q0', 'q1', 'v']]]);
  const { get, set, tee } = I;
  const lanePair = (offset: number, s: number, q: number) => [
    ...get(at('src')), ...get(at('i')), ...I.add, ...I.vLoad64Zero(offset), ...I.f64x2PromoteLow, ...tee(at('v')),
    ...get(s), ...I.f64x2Add, ...set(s),
    ...get(at('v')), ...get(at('v')), ...I.f64x2Mul, ...get(q), ...I.f64x2Add, ...set(q),
  ];
  // ((lane0 + lane1) + (lane2 + lane3)), the order js-kernels.ts uses.
  const total = (a: number, b: number) => [...get(a), ...I.f64x2Lane(0), ...get(a), ...I.f64x2Lane(1), ...I.f64Add, ...get(b), ...I.f64x2Lane(0), ...get(b), ...I.f64x2Lane(1), ...I.f64Add, ...I.f64Add];
  const body = [
    ...I.vZero, ...set(at('s0')), ...I.vZero, ...set(at('s1')), ...I.vZero, ...set(at('q0')), ...I.vZero, ...set(at('q1')),
    ...get(at('n')), ...I.i32(4), ...I.mul, ...set(at('end')),
    ...forLoop(at('i'), I.i32(0), get(at('end')), I.i32(16), [...lanePair(0, at('s0'), at('q0')), ...lanePair(8, at('s1'), at('q1'))]),
    ...get(at('out')), ...total(at('s0'), at('s1')), ...I.f64Store(0),
    ...get(at('out')), ...total(at('q0'), at('q1')), ...I.f64Store(8),
  ];
  return { name: 'moments', params: 3, locals: decl, body };
}

/**
 * project_in(x, xStride, n4, w, cols, nr, out, outStride): for each of nr rows
 * of w (f32, cols a multiple of 4) and each token t < n4 (a multiple of 4),
 * out[t·outStride + r·4] = x[t] · w[r]. Rows go two at a time; an odd last row pairs with itself.
 */
function projectIn(): WasmFunction {
  const acc = seq(8).map((k) => `a${k}`);
  const { at, decl } = frame(['x', 'xs', 'n4', 'w', 'cols', 'nr', 'out', 'os'], [
    [T.i32, ['r', 't', 'c', 'cb', 'two', 'w0', 'w1', 'd1', 'x0', 'x1', 'x2', 'x3', 'ob']],
    [T.v128, [...acc, 'v0', 'v1', 'xv']],
  ]);
  const { get, set } = I;
  const a = (row: number, j: number) => at(acc[row * 4 + j] as string);
  const xs = [at('x0'), at('x1'), at('x2'), at('x3')];
  const step = seq(4).flatMap((j) => [
    ...get(xs[j] as number), ...get(at('c')), ...I.add, ...I.vLoad(), ...set(at('xv')),
    ...get(at('xv')), ...get(at('v0')), ...I.f32x4Mul, ...get(a(0, j)), ...I.f32x4Add, ...set(a(0, j)),
    ...get(at('xv')), ...get(at('v1')), ...I.f32x4Mul, ...get(a(1, j)), ...I.f32x4Add, ...set(a(1, j)),
  ]);
  const inner = forLoop(at('c'), I.i32(0), get(at('cb')), I.i32(16), [
    ...get(at('w0')), ...get(at('c')), ...I.add, ...I.vLoad(), ...set(at('v0')),
    ...get(at('w1')), ...get(at('c')), ...I.add, ...I.vLoad(), ...set(at('v1')),
    ...step,
  ]);
  const store = seq(4).flatMap((j) => [
    ...get(at('ob')), ...I.i32(j), ...get(at('os')), ...I.mul, ...I.add, ...hsum(a(0, j)), ...I.f32Store(0),
    ...get(at('ob')), ...I.i32(j), ...get(at('os')), ...I.mul, ...I.add, ...get(at('d1')), ...I.add, ...hsum(a(1, j)), ...I.f32Store(0),
  ]);
  const tokens = forLoop(at('t'), I.i32(0), get(at('n4')), I.i32(4), [
    ...seq(4).flatMap((j) => [...get(at('x')), ...get(at('t')), ...I.i32(j), ...I.add, ...get(at('xs')), ...I.mul, ...I.add, ...set(xs[j] as number)]),
    ...acc.flatMap((name) => [...I.vZero, ...set(at(name))]),
    ...inner,
    ...get(at('out')), ...get(at('t')), ...get(at('os')), ...I.mul, ...I.add, ...get(at('r')), ...I.i32(4), ...I.mul, ...I.add, ...set(at('ob')),
    ...store,
  ]);
  return { name: 'project_in', params: 8, locals: decl, body: rowPairs(at, 4, tokens) };
}

/** Initial memory of a kernel instance, in 64 KiB pages; it grows per job as needed. */
export const SIMD_START_PAGES = 16;

let built: Uint8Array | undefined;

/** The module's bytes (built on first use). */
export function simdModuleBytes(): Uint8Array {
  built ??= wasmModule([widenBf16(), widenF16(), moments(), projectIn(), quantRows(), projectInQ(), pairRows(), projectOutQ()], SIMD_START_PAGES);
  return built;
}
