/**
 * A small seeded pseudo-random generator for the bootstrap. Reports must be
 * reproducible (the same run gives the same intervals on every machine), so
 * nothing here touches `Math.random`.
 */
import { mulberry32 } from '../../core/seeded-random.js';

/** A stream of uniform numbers in [0, 1). */
export interface Rng {
  /** Next uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** Seed used when a caller gives none, so two renders of one run agree. */
export const DEFAULT_SEED = 20_240_917;

/**
 * The project's Mulberry32 (`core/seeded-random.ts`): good enough for
 * resampling and a handful of integer operations per draw.
 * @example const rng = createRng(42); rng.int(10);
 */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  return { next, int: (n) => Math.floor(next() * n) };
}

/**
 * Combine a base seed with a label (a model name, a metric) into a new seed.
 * Each model gets its own stream, so adding a model to a run does not move
 * the intervals of the others.
 */
export function deriveSeed(seed: number, label: string): number {
  // FNV-1a over the label's UTF-16 code units, started from the seed.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
