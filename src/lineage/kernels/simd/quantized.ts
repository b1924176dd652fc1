/**
 * The probe projections X·Wᵀ ('in') and X·W ('out') in 16-bit integers:
 * `i32x4.dot_i16x8_s` does eight multiply-adds per instruction where f32x4
 * needs two instructions for four, about twice the throughput here. Rows of
 * W and of X are scaled to ±`limit` (4095) by their own largest magnitude (an
 * f32 scale per row) and rounded to nearest; products are then exact, and
 * integer sums move to f32 every 64 steps (512 columns, or 64 row pairs),
 * before they could overflow (4095² · 2 · 64 < 2³¹). The error is about 1e-4
 * of each row's largest value, far below what the invariant terms are
 * compared at. `js-kernels.ts` mirrors every kernel bit for bit.
 */
import { frame, rowPairs, seq } from './frame.js';
import { forLoop, I, T, type WasmFunction } from './wasm-emit.js';

/** f32 bits of 1.5 · 2²³: added to |v| < 2²², the low bits of the sum are v rounded to nearest even. */
const MAGIC = 0x4b400000;

/**
 * quant_rows(src, stride, nr, dst, scales, limit): for each of nr f32 rows of
 * `stride` values (a multiple of 8), scales[r] = max|v| / limit and
 * dst row r = round(v · limit / max|v|) as i16 (all zero when max|v| is 0).
 * The largest magnitude is an unsigned max of the bits without sign, which
 * orders non-negative floats as values (a NaN wins, and its row comes out NaN).
 */
export function quantRows(): WasmFunction {
  const { at, decl } = frame(['src', 'stride', 'nr', 'dst', 'scales', 'limit'], [
    [T.i32, ['r', 'c', 'rb', 'rp', 'dp', 'mb']],
    [T.f32, ['lim', 'm', 'scale']],
    [T.v128, ['mx', 'sv', 'magic', 'low31']],
  ]);
  const { get, set } = I;
  const lane = (k: number) => [...get(at('mx')), ...I.i32x4Lane(k)];
  const maxU = (a: number[], b: number[]) => [...a, ...b, ...a, ...b, ...I.geU, ...I.select];
  const q = (offset: number) => [...get(at('rp')), ...get(at('c')), ...I.add, ...I.vLoad(offset), ...get(at('sv')), ...I.f32x4Mul, ...get(at('magic')), ...I.f32x4Add, ...get(at('magic')), ...I.i32x4Sub];
  const row = [
    ...get(at('src')), ...get(at('r')), ...get(at('rb')), ...I.mul, ...I.add, ...set(at('rp')),
    ...get(at('dst')), ...get(at('r')), ...get(at('stride')), ...I.i32(2), ...I.mul, ...I.mul, ...I.add, ...set(at('dp')),
    ...I.vZero, ...set(at('mx')),
    ...forLoop(at('c'), I.i32(0), get(at('rb')), I.i32(16), [...get(at('mx')), ...get(at('rp')), ...get(at('c')), ...I.add, ...I.vLoad(), ...get(at('low31')), ...I.vAnd, ...I.i32x4MaxU, ...set(at('mx'))]),
    ...maxU(maxU(lane(0), lane(1)), maxU(lane(2), lane(3))), ...set(at('mb')),
    ...get(at('mb')), ...I.f32FromBits, ...set(at('m')),
    // scale = m > 0 ? lim / m : 0
    ...get(at('lim')), ...get(at('m')), ...I.f32Div, ...I.f32Const(0), ...get(at('m')), ...I.f32Const(0), ...I.f32Gt, ...I.select, ...set(at('scale')),
    ...get(at('scales')), ...get(at('r')), ...I.i32(4), ...I.mul, ...I.add, ...get(at('m')), ...get(at('lim')), ...I.f32Div, ...I.f32Store(0),
    ...get(at('scale')), ...I.f32x4Splat, ...set(at('sv')),
    ...forLoop(at('c'), I.i32(0), get(at('rb')), I.i32(32), [
      ...get(at('dp')), ...get(at('c')), ...I.i32(1), 0x76 /* i32.shr_u */, ...I.add,
      ...q(0), ...q(16), ...I.i16x8NarrowI32, ...I.vStore(),
    ]),
  ];
  const body = [
    ...get(at('limit')), ...I.f32FromI32, ...set(at('lim')),
    ...I.i32(MAGIC), ...I.i32x4Splat, ...set(at('magic')),
    ...I.i32(0x7fffffff), ...I.i32x4Splat, ...set(at('low31')),
    ...get(at('stride')), ...I.i32(4), ...I.mul, ...set(at('rb')),
    ...forLoop(at('r'), I.i32(0), get(at('nr')), I.i32(1), row),
  ];
  return { name: 'quant_rows', params: 6, locals: decl, body };
}

/** Scratch bytes of project_in_q's f32 partial sums (8 vectors), in the arena's reserved low memory. */
export const QUANT_SCRATCH = 128;

/**
 * project_in_q(x, xStride, n4, w, cols, nr, out, outStride, xScales, wScales):
 * out[t·outStride + r·4] = (Σ_c xq[t, c] · wq[r, c]) · xScales[t] · wScales[r] for i16
 * rows (cols a multiple of 8, n4 a multiple of 4). Rows two at a time as in project_in;
 * the f32 partials wait in memory so the integer loop keeps every vector in a register.
 */
export function projectInQ(): WasmFunction {
  const ints = seq(8).map((k) => `i${k}`);
  const { at, decl } = frame(['x', 'xs', 'n4', 'w', 'cols', 'nr', 'out', 'os', 'xsc', 'wsc'], [
    [T.i32, ['r', 't', 'c', 'c0', 'cend', 'cb', 'two', 'w0', 'w1', 'd1', 'x0', 'x1', 'x2', 'x3', 'ob']],
    [T.v128, [...ints, 'v0', 'v1', 'xv']],
  ]);
  const { get, set } = I;
  const xs = [at('x0'), at('x1'), at('x2'), at('x3')];
  const acc = (row: number, j: number) => at(ints[row * 4 + j] as string);
  const tmp = (k: number) => QUANT_SCRATCH + k * 16;
  const step = seq(4).flatMap((j) => [
    ...get(xs[j] as number), ...get(at('c')), ...I.add, ...I.vLoad(), ...set(at('xv')),
    ...get(at('xv')), ...get(at('v0')), ...I.i32x4DotI16, ...get(acc(0, j)), ...I.i32x4Add, ...set(acc(0, j)),
    ...get(at('xv')), ...get(at('v1')), ...I.i32x4DotI16, ...get(acc(1, j)), ...I.i32x4Add, ...set(acc(1, j)),
  ]);
  // One block of up to 512 columns (1024 bytes) in exact integer sums, then added to the f32 partials.
  const block = [
    ...get(at('c0')), ...I.i32(1024), ...I.add, ...get(at('cb')), ...get(at('c0')), ...I.i32(1024), ...I.add, ...get(at('cb')), ...I.ltU, ...I.select, ...set(at('cend')),
    ...ints.flatMap((n) => [...I.vZero, ...set(at(n))]),
    ...forLoop(at('c'), get(at('c0')), get(at('cend')), I.i32(16), [
      ...get(at('w0')), ...get(at('c')), ...I.add, ...I.vLoad(), ...set(at('v0')),
      ...get(at('w1')), ...get(at('c')), ...I.add, ...I.vLoad(), ...set(at('v1')),
      ...step,
    ]),
    ...seq(8).flatMap((k) => [...I.i32(0), ...I.i32(0), ...I.vLoad(tmp(k)), ...get(at(ints[k] as string)), ...I.f32x4FromI32x4, ...I.f32x4Add, ...I.vStore(tmp(k))]),
  ];
  // ((l0 + l1) + (l2 + l3)) of partial k, times the token's and the row's scales.
  const lanes = (k: number) => [...I.i32(0), ...I.f32Load(tmp(k)), ...I.i32(0), ...I.f32Load(tmp(k) + 4), ...I.f32Add, ...I.i32(0), ...I.f32Load(tmp(k) + 8), ...I.i32(0), ...I.f32Load(tmp(k) + 12), ...I.f32Add, ...I.f32Add];
  const scaled = (row: number, j: number) => [
    ...lanes(row * 4 + j),
    ...get(at('xsc')), ...get(at('t')), ...I.i32(j), ...I.add, ...I.i32(4), ...I.mul, ...I.add, ...I.f32Load(0), ...I.f32Mul,
    ...get(at('wsc')), ...get(at('r')), ...I.i32(4), ...I.mul, ...I.add, ...(row ? [...get(at('d1')), ...I.add] : []), ...I.f32Load(0), ...I.f32Mul,
  ];
  const store = seq(4).flatMap((j) => [
    ...get(at('ob')), ...I.i32(j), ...get(at('os')), ...I.mul, ...I.add, ...scaled(0, j), ...I.f32Store(0),
    ...get(at('ob')), ...I.i32(j), ...get(at('os')), ...I.mul, ...I.add, ...get(at('d1')), ...I.add, ...scaled(1, j), ...I.f32Store(0),
  ]);
  const tokens = forLoop(at('t'), I.i32(0), get(at('n4')), I.i32(4), [
    ...seq(4).flatMap((j) => [...get(at('x')), ...get(at('t')), ...I.i32(j), ...I.add, ...get(at('xs')), ...I.mul, ...I.add, ...set(xs[j] as number)]),
    ...seq(8).flatMap((k) => [...I.i32(0), ...I.vZero, ...I.vStore(tmp(k))]),
    ...forLoop(at('c0'), I.i32(0), get(at('cb')), I.i32(1024), block),
    ...get(at('out')), ...get(at('t')), ...get(at('os')), ...I.mul, ...I.add, ...get(at('r')), ...I.i32(4), ...I.mul, ...I.add, ...set(at('ob')),
    ...store,
  ]);
  return { name: 'project_in_q', params: 10, locals: decl, body: rowPairs(at, 2, tokens) };
}

/**
 * pair_rows(src, stride, nr, dst): i16 rows r and r+1 interleaved column by column
 * ([r₀ r+1₀ r₁ r+1₁ …], a zero row standing in for a missing last one), so a dot
 * product of eight i16 sums over two rows per column. Pair k starts at dst + k·stride·4.
 */
export function pairRows(): WasmFunction {
  const { at, decl } = frame(['src', 'stride', 'nr', 'dst'], [[T.i32, ['p', 'c', 'rb', 'a', 'b', 'd']], [T.v128, ['va', 'vb']]]);
  const { get, set } = I;
  // Bytes of the first operand's halves 0-3 (4-7) interleaved with the second's.
  const lo = [0, 1, 16, 17, 2, 3, 18, 19, 4, 5, 20, 21, 6, 7, 22, 23];
  const hi = lo.map((b) => b + 8);
  const body = [
    ...get(at('stride')), ...I.i32(2), ...I.mul, ...set(at('rb')),
    ...forLoop(at('p'), I.i32(0), get(at('nr')), I.i32(2), [
      ...get(at('src')), ...get(at('p')), ...get(at('rb')), ...I.mul, ...I.add, ...set(at('a')),
      // Pair p/2 starts at dst + (p/2) · stride · 4 = dst + p · rb.
      ...get(at('dst')), ...get(at('p')), ...get(at('rb')), ...I.mul, ...I.add, ...set(at('d')),
      ...get(at('p')), ...I.i32(1), ...I.add, ...get(at('nr')), ...I.ltU, ...set(at('b')),
      ...forLoop(at('c'), I.i32(0), get(at('rb')), I.i32(16), [
        ...get(at('a')), ...get(at('c')), ...I.add, ...I.vLoad(), ...set(at('va')),
        // The next row, or zeros past the last (select between a loaded vector and zero).
        ...get(at('a')), ...get(at('rb')), ...I.add, ...get(at('c')), ...I.add, ...I.vLoad(), ...I.vZero, ...get(at('b')), ...I.select, ...set(at('vb')),
        ...get(at('d')), ...get(at('c')), ...I.i32(2), ...I.mul, ...I.add, ...get(at('va')), ...get(at('vb')), ...I.shuffle(lo), ...I.vStore(0),
        ...get(at('d')), ...get(at('c')), ...I.i32(2), ...I.mul, ...I.add, ...get(at('va')), ...get(at('vb')), ...I.shuffle(hi), ...I.vStore(16),
      ]),
    ]),
  ];
  return { name: 'pair_rows', params: 4, locals: decl, body };
}

/**
 * project_out_q(x, xStride, n4, w, cols, npairs, out, outStride, xScales): out[t, c] +=
 * xScales[t] · Σ_p (xq[t, 2p] · wq[2p, c] + xq[t, 2p+1] · wq[2p+1, c]) over paired rows
 * (pair_rows layout, cols a multiple of 8), in integer blocks of 64 pairs added to the f32
 * output after each block.
 */
export function projectOutQ(): WasmFunction {
  const ints = seq(8).map((k) => `i${k}`);
  const { at, decl } = frame(['x', 'xs', 'n4', 'w', 'cols', 'np', 'out', 'os', 'xsc'], [
    [T.i32, ['c', 't', 'p', 'p0', 'pend', 'pb', 'wp', 'x0', 'x1', 'x2', 'x3', 'o0', 'o1', 'o2', 'o3']],
    [T.v128, [...ints, 'lo', 'hi', 's']],
  ]);
  const { get, set } = I;
  const xs = [at('x0'), at('x1'), at('x2'), at('x3')];
  const os = [at('o0'), at('o1'), at('o2'), at('o3')];
  const acc = (j: number, half: number) => at(ints[j * 2 + half] as string);
  const pair = [
    ...get(at('wp')), ...I.vLoad(0), ...set(at('lo')),
    ...get(at('wp')), ...I.vLoad(16), ...set(at('hi')),
    ...seq(4).flatMap((j) => [
      ...get(xs[j] as number), ...get(at('p')), ...I.i32(4), ...I.mul, ...I.add, ...I.vLoad32Splat(), ...set(at('s')),
      ...get(at('s')), ...get(at('lo')), ...I.i32x4DotI16, ...get(acc(j, 0)), ...I.i32x4Add, ...set(acc(j, 0)),
      ...get(at('s')), ...get(at('hi')), ...I.i32x4DotI16, ...get(acc(j, 1)), ...I.i32x4Add, ...set(acc(j, 1)),
    ]),
    ...get(at('wp')), ...get(at('pb')), ...I.add, ...set(at('wp')),
  ];
  // out += f32(acc) · scale, for one token's two vectors of four columns.
  const flush = (j: number) => [0, 1].flatMap((half) => [
    ...get(os[j] as number),
    ...get(os[j] as number), ...I.vLoad(half * 16),
    ...get(acc(j, half)), ...I.f32x4FromI32x4,
    ...get(at('xsc')), ...get(at('t')), ...I.i32(j), ...I.add, ...I.i32(4), ...I.mul, ...I.add, ...I.vLoad32Splat(),
    ...I.f32x4Mul, ...I.f32x4Add, ...I.vStore(half * 16),
  ]);
  const block = [
    ...get(at('p0')), ...I.i32(64), ...I.add, ...get(at('np')), ...get(at('p0')), ...I.i32(64), ...I.add, ...get(at('np')), ...I.ltU, ...I.select, ...set(at('pend')),
    ...ints.flatMap((n) => [...I.vZero, ...set(at(n))]),
    ...get(at('w')), ...get(at('p0')), ...get(at('pb')), ...I.mul, ...I.add, ...get(at('c')), ...I.i32(4), ...I.mul, ...I.add, ...set(at('wp')),
    ...forLoop(at('p'), get(at('p0')), get(at('pend')), I.i32(1), pair),
    ...seq(4).flatMap(flush),
  ];
  const tokens = forLoop(at('t'), I.i32(0), get(at('n4')), I.i32(4), [
    ...seq(4).flatMap((j) => [
      ...get(at('x')), ...get(at('t')), ...I.i32(j), ...I.add, ...get(at('xs')), ...I.mul, ...I.add, ...set(xs[j] as number),
      ...get(at('out')), ...get(at('t')), ...I.i32(j), ...I.add, ...get(at('os')), ...I.mul, ...I.add, ...get(at('c')), ...I.i32(4), ...I.mul, ...I.add, ...set(os[j] as number),
    ]),
    ...forLoop(at('p0'), I.i32(0), get(at('np')), I.i32(64), block),
  ]);
  const body = [
    ...get(at('cols')), ...I.i32(4), ...I.mul, ...set(at('pb')),
    ...forLoop(at('c'), I.i32(0), get(at('cols')), I.i32(8), tokens),
  ];
  return { name: 'project_out_q', params: 9, locals: decl, body };
}
