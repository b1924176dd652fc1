/**
 * A minimal WebAssembly binary writer: one exported memory and functions whose
 * parameters are i32 byte offsets, which is all the lineage kernels need. It
 * spares a native dependency or a checked-in binary; `simd-module.ts` writes
 * the kernels with it.
 */

/** Value types. */
export const T = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (i32 range). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

/** Instructions used by the kernels; each returns its bytes. */
export const I = {
  get: (l: number) => [0x20, ...uleb(l)],
  set: (l: number) => [0x21, ...uleb(l)],
  tee: (l: number) => [0x22, ...uleb(l)],
  i32: (n: number) => [0x41, ...sleb(n)],
  f32Const: (v: number) => [0x43, ...new Uint8Array(Float32Array.of(v).buffer)],
  add: [0x6a],
  sub: [0x6b],
  mul: [0x6c],
  ltU: [0x49],
  select: [0x1b],
  geU: [0x4f],
  f32Add: [0x92],
  f32Mul: [0x94],
  f32Div: [0x95],
  f32Max: [0x97],
  f32Gt: [0x5e],
  f32FromI32: [0xb2],
  f32FromBits: [0xbe],
  f64Add: [0xa0],
  f32Store: (offset = 0) => [0x38, 2, ...uleb(offset)],
  f32Load: (offset = 0) => [0x2a, 2, ...uleb(offset)],
  f64Store: (offset = 0) => [0x39, 3, ...uleb(offset)],
  // SIMD: 0xfd prefix, then the sub-opcode as LEB128, then a memarg or lane where the instruction has one.
  vLoad: (offset = 0) => [0xfd, ...uleb(0x00), 0, ...uleb(offset)],
  vLoad32Splat: (offset = 0) => [0xfd, ...uleb(0x09), 0, ...uleb(offset)],
  vLoad64Zero: (offset = 0) => [0xfd, ...uleb(0x5d), 0, ...uleb(offset)],
  vStore: (offset = 0) => [0xfd, ...uleb(0x0b), 0, ...uleb(offset)],
  vZero: [0xfd, ...uleb(0x0c), ...new Array<number>(16).fill(0)],
  f32x4Lane: (lane: number) => [0xfd, ...uleb(0x1f), lane],
  f64x2Lane: (lane: number) => [0xfd, ...uleb(0x21), lane],
  f64x2PromoteLow: [0xfd, ...uleb(0x5f)],
  vAnd: [0xfd, ...uleb(0x4e)],
  vOr: [0xfd, ...uleb(0x50)],
  vBitselect: [0xfd, ...uleb(0x52)],
  vAnyTrue: [0xfd, ...uleb(0x53)],
  f32x4Splat: [0xfd, ...uleb(0x13)],
  f32x4Abs: [0xfd, ...uleb(0xe0)],
  f32x4Max: [0xfd, ...uleb(0xe9)],
  f32x4Nearest: [0xfd, ...uleb(0x6a)],
  i32x4TruncSatF32: [0xfd, ...uleb(0xf8)],
  f32x4FromI32x4: [0xfd, ...uleb(0xfa)],
  i16x8NarrowI32: [0xfd, ...uleb(0x85)],
  i32x4DotI16: [0xfd, ...uleb(0xba)],
  /** i8x16.shuffle of two vectors by 16 byte indices (0-15 first, 16-31 second). */
  shuffle: (bytes: readonly number[]) => [0xfd, ...uleb(0x0d), ...bytes],
  i32x4MaxU: [0xfd, ...uleb(0xb9)],
  i32x4Sub: [0xfd, ...uleb(0xb1)],
  i32x4Lane: (lane: number) => [0xfd, ...uleb(0x1b), lane],
  i16x8Splat: [0xfd, ...uleb(0x10)],
  i16x8Eq: [0xfd, ...uleb(0x2d)],
  i32x4ExtendLowS16: [0xfd, ...uleb(0xa7)],
  i32x4ExtendHighS16: [0xfd, ...uleb(0xa8)],
  i32x4Splat: [0xfd, ...uleb(0x11)],
  i32x4LtU: [0xfd, ...uleb(0x3a)],
  i32x4GtU: [0xfd, ...uleb(0x3c)],
  i32x4Add: [0xfd, ...uleb(0xae)],
  f32x4ConvertU: [0xfd, ...uleb(0xfb)],
  i32x4ExtendLowU16: [0xfd, ...uleb(0xa9)],
  i32x4ExtendHighU16: [0xfd, ...uleb(0xaa)],
  i32x4Shl: [0xfd, ...uleb(0xab)],
  f32x4Add: [0xfd, ...uleb(0xe4)],
  f32x4Mul: [0xfd, ...uleb(0xe6)],
  f64x2Add: [0xfd, ...uleb(0xf0)],
  f64x2Mul: [0xfd, ...uleb(0xf2)],
};

/** `if (cond) then else other`, `cond` an i32 already on the stack. */
export const ifElse = (then: number[], other: number[]) => [0x04, 0x40, ...then, 0x05, ...other, 0x0b];

/**
 * `for (counter = from; counter < end; counter += step) body`, with `end` and
 * `step` read from locals or given as constants. Unsigned compare: offsets and counts only.
 */
export function forLoop(counter: number, from: number[], end: number[], step: number[], body: number[]): number[] {
  return [
    ...from, ...I.set(counter),
    0x02, 0x40, 0x03, 0x40, // block, loop
    ...I.get(counter), ...end, ...I.geU, 0x0d, 1, // br_if to the block's end when done
    ...body,
    ...I.get(counter), ...step, ...I.add, ...I.set(counter),
    0x0c, 0, 0x0b, 0x0b, // br to the loop, end loop, end block
  ];
}

/** One function: i32 parameters, extra locals by type, no results. */
export interface WasmFunction {
  name: string;
  params: number;
  locals: { type: number; count: number }[];
  body: number[];
}

const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => vec([...s].map((ch) => [ch.charCodeAt(0)]));

/** A module exporting `memory` (growable, `pages` × 64 KiB to start) and the functions by name. */
export function wasmModule(fns: readonly WasmFunction[], pages: number): Uint8Array {
  const types = fns.map((f) => [0x60, ...vec(Array.from({ length: f.params }, () => [T.i32])), 0]);
  const codes = fns.map((f) => {
    const body = [...vec(f.locals.map((l) => [...uleb(l.count), l.type])), ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  const exports = [[...name('memory'), 2, 0], ...fns.map((f, i) => [...name(f.name), 0, ...uleb(i)])];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, vec(types)),
    ...section(3, vec(fns.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(7, vec(exports)),
    ...section(10, vec(codes)),
  ]);
}
