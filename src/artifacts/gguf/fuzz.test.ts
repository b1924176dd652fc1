import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { testContext } from '../safetensors/__fixtures__/scan-helpers.js';
import { gv, writeGguf } from '../writers/gguf-writer.js';
import { tinyLlamaGguf } from '../writers/tiny-llama.js';
import { readGgufHeader } from './read-header.js';
import { ggufScanner } from './scanner.js';
import { mulberry32 } from '../../core/seeded-random.js';


const seeds = [
  tinyLlamaGguf({ vocabSize: 262, blockCount: 1, embeddingLength: 8, headCount: 2, headCountKv: 2, feedForwardLength: 16 }),
  writeGguf({ kv: { a: gv.strs(['x', 'yy']), b: gv.arr('array', [gv.i32s([1])]), c: gv.u64(5n) }, tensors: [{ name: 't', type: 'Q8_0', dims: [32], data: new Uint8Array(34) }] }),
];

/** Mutate bytes: overwrite, insert 64-bit extremes at random offsets, or truncate. */
function mutate(src: Uint8Array, rand: () => number): Uint8Array {
  const out = src.slice(0, Math.max(4, Math.floor(rand() < 0.2 ? rand() * src.length : src.length)));
  const view = new DataView(out.buffer);
  const edits = 1 + Math.floor(rand() * 8);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * Math.max(1, out.length - 8));
    const r = rand();
    if (r < 0.4) out[at] = Math.floor(rand() * 256);
    else if (r < 0.7 && at + 8 <= out.length) view.setBigUint64(at, [0n, 1n << 60n, (1n << 64n) - 1n, 1n << 32n, 7n][Math.floor(rand() * 5)] ?? 0n, true);
    else if (at + 4 <= out.length) view.setUint32(at, Math.floor(rand() * 40), true);
  }
  return out;
}

describe('GGUF fuzz', () => {
  it('never throws or hangs on thousands of mutated and random headers', async () => {
    const rand = mulberry32(1234);
    const t0 = Date.now();
    let problems = 0;
    for (let i = 0; i < 3000; i++) {
      const base = seeds[i % seeds.length] ?? new Uint8Array(0);
      const bytes = i % 10 === 0 ? Uint8Array.from({ length: Math.floor(rand() * 256) }, (_, k) => (k < 4 ? 'GGUF'.charCodeAt(k) : Math.floor(rand() * 256))) : mutate(base, rand);
      const src = bufferSource(`fuzz-${i}.gguf`, bytes);
      const h = await readGgufHeader(src);
      problems += h.problems.length;
      if (i % 20 === 0) await ggufScanner.scan(src, testContext());
    }
    expect(problems).toBeGreaterThan(100);
    expect(Date.now() - t0).toBeLessThan(25_000);
  });
});
