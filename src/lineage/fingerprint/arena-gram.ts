/** The invariant terms' Gram products on the SIMD kernel arena: a few million products that would otherwise run serially in plain JavaScript after the workers finish. */
import type { KernelArena } from '../kernels/simd/arena.js';
import type { Gram } from './invariant-terms.js';

/** `a · bᵀ` through the arena's 'in' projection (rows zero-padded to a multiple of 8 values). */
export function arenaGram(arena: KernelArena): Gram {
  return (a, b, n, width) => {
    const stride = (width + 7) & ~7;
    const n4 = (n + 3) & ~3;
    const x = 256;
    const w = x + n4 * stride * 4;
    const out = w + n * stride * 4;
    const end = out + n4 * n * 4 + 64;
    arena.ensure(end);
    const f = new Float32Array(arena.buffer);
    f.fill(0, x >> 2, end >> 2);
    for (let t = 0; t < n; t++) {
      f.set(a.subarray(t * width, (t + 1) * width), (x >> 2) + t * stride);
      f.set(b.subarray(t * width, (t + 1) * width), (w >> 2) + t * stride);
    }
    arena.projectIn(x, stride * 4, n4, w, stride, n, out, n * 4);
    return f.slice(out >> 2, (out >> 2) + n * n);
  };
}
