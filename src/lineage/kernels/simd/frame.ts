/** Helpers shared by the kernel builders: named local slots and small instruction sequences. */
import { forLoop, I, type WasmFunction } from './wasm-emit.js';

/** Name local slots in order: parameters first, then locals grouped by type; `at(name)` is a slot's index. */
export function frame(params: readonly string[], locals: readonly [number, readonly string[]][]): { at: (name: string) => number; decl: WasmFunction['locals'] } {
  const slots = new Map([...params, ...locals.flatMap(([, names]) => names)].map((n, i) => [n, i]));
  const at = (name: string) => {
    const i = slots.get(name);
    if (i === undefined) throw new Error(`simd-module: no local ${name}`);
    return i;
  };
  return { at, decl: locals.map(([type, names]) => ({ type, count: names.length })) };
}

export const seq = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Horizontal f32 sum of a v128 local: (l0 + l1) + (l2 + l3). */
export const hsum = (v: number) => [...I.get(v), ...I.f32x4Lane(0), ...I.get(v), ...I.f32x4Lane(1), ...I.f32Add, ...I.get(v), ...I.f32x4Lane(2), ...I.get(v), ...I.f32x4Lane(3), ...I.f32Add, ...I.f32Add];


/**
 * The outer loop of the `project_in` kernels: rows two at a time (`w0`, `w1`; a lone last row is
 * taken twice and stored over itself, `d1` = 0), `cb` = a row's bytes at `bytesPerCol` per column,
 * then `tokens` for each pair. Locals it uses: cols, cb, nr, r, w, w0, w1, two, d1.
 */
export function rowPairs(at: (name: string) => number, bytesPerCol: number, tokens: number[]): number[] {
  const { get, set } = I;
  return [
    ...get(at('cols')), ...I.i32(bytesPerCol), ...I.mul, ...set(at('cb')),
    ...forLoop(at('r'), I.i32(0), get(at('nr')), I.i32(2), [
      ...get(at('w')), ...get(at('r')), ...get(at('cb')), ...I.mul, ...I.add, ...set(at('w0')),
      ...get(at('r')), ...I.i32(1), ...I.add, ...get(at('nr')), ...I.ltU, ...set(at('two')),
      ...I.i32(4), ...I.i32(0), ...get(at('two')), ...I.select, ...set(at('d1')),
      ...get(at('w0')), ...get(at('cb')), ...I.i32(0), ...get(at('two')), ...I.select, ...I.add, ...set(at('w1')),
      ...tokens,
    ]),
  ];
}
