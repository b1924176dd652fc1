/**
 * Mutation fuzzing for the container scanners: seeded, reproducible, and
 * checking the three promises a scanner makes on hostile input: it never
 * throws, it finishes in bounded time, and it never hands out more bytes than
 * the budget allows.
 */
import { expect } from 'vitest';
import { bufferSource } from '../../io/byte-source.js';
import type { ArtifactFormat, FormatScanner } from '../../scanner.js';
import { fakeContext } from './fake-context.js';
import { prng } from './fixtures.js';

/** Options for one fuzz run. */
export interface FuzzRun {
  scanner: FormatScanner;
  /** Well-formed inputs to mutate. */
  seeds: readonly Uint8Array[];
  cases: number;
  seed: number;
  /** File name given to every case (drives name-based hints). */
  name: string;
  /** Scanners to recurse into for nested members. */
  scanners: Partial<Record<ArtifactFormat, FormatScanner>>;
  /** Most time one case may take. */
  maxCaseMs?: number;
}

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, 0xffffffff];
const MEMBER_LIMIT = 256 * 1024;
const EXPANSION_LIMIT = 2 * 1024 * 1024;

/** Mutate `input` with 1–8 random edits (flips, interesting integers, truncation, splices). */
export function mutate(input: Uint8Array, next: () => number): Uint8Array {
  let b = Uint8Array.from(input);
  const edits = 1 + Math.floor(next() * 8);
  for (let e = 0; e < edits && b.length > 0; e++) {
    const at = Math.floor(next() * b.length);
    const kind = Math.floor(next() * 6);
    if (kind === 0) b[at] = Math.floor(next() * 256);
    else if (kind === 1) b[at] = (b[at] ?? 0) ^ (1 << Math.floor(next() * 8));
    else if (kind === 2) {
      const v = INTERESTING[Math.floor(next() * INTERESTING.length)] ?? 0;
      for (let k = 0; k < 4 && at + k < b.length; k++) b[at + k] = (v >>> (8 * k)) & 0xff;
    } else if (kind === 3) b = b.slice(0, at);
    else if (kind === 4) {
      const from = Math.floor(next() * b.length);
      const len = Math.floor(next() * 64);
      b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(from, from + len), ...b.subarray(at)]);
    } else {
      const len = Math.floor(next() * 32);
      b.fill(Math.floor(next() * 256), at, at + len);
    }
  }
  return b;
}

/** Run `cases` mutated (and some purely random) inputs through the scanner and assert its promises. */
export async function fuzzScanner(run: FuzzRun): Promise<{ findings: number }> {
  const next = prng(run.seed);
  let findings = 0;
  for (let i = 0; i < run.cases; i++) {
    const base = run.seeds[i % run.seeds.length] ?? new Uint8Array(0);
    const input = i % 10 === 9 ? randomLike(base, next) : mutate(base, next);
    const ctx = fakeContext({
      budget: { maxMemberBytes: MEMBER_LIMIT, maxExpandedBytes: EXPANSION_LIMIT, deadline: Date.now() + 5000 },
      scanners: run.scanners,
    });
    const started = Date.now();
    let result: unknown;
    try {
      result = await run.scanner.scan(bufferSource(run.name, input), ctx);
    } catch (e) {
      throw new Error(`case ${i} (seed ${run.seed}) threw: ${e instanceof Error ? e.stack : String(e)}`);
    }
    expect(Array.isArray(result), `case ${i}`).toBe(true);
    findings += (result as unknown[]).length;
    expect(Date.now() - started, `case ${i} time`).toBeLessThan(run.maxCaseMs ?? 2000);
    expect(ctx.budget.expandedBytes, `case ${i} expansion`).toBeLessThanOrEqual(EXPANSION_LIMIT);
    for (const call of ctx.calls) expect(call.size, `case ${i} member ${call.name}`).toBeLessThanOrEqual(Math.max(MEMBER_LIMIT, input.length));
  }
  return { findings };
}

// Random bytes that keep the seed's first four bytes, so the scanner gets past its magic check.
function randomLike(base: Uint8Array, next: () => number): Uint8Array {
  const out = new Uint8Array(Math.floor(next() * 2048));
  for (let i = 0; i < out.length; i++) out[i] = i < 4 ? (base[i] ?? 0) : Math.floor(next() * 256);
  return out;
}
