/** Helpers shared by the kernel builders: named local slots and small instruction sequences. */
import { I, type WasmFunction } from './wasm-emit.js';

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

