import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { writeSafetensors } from '../writers/safetensors-writer.js';
import { testContext } from './__fixtures__/scan-helpers.js';
import { readSafetensorsHeader } from './read-header.js';
import { safetensorsScanner } from './scanner.js';
import { mulberry32 } from '../../core/seeded-random.js';


const base = writeSafetensors(
  {
    'model.embed.weight': { dtype: 'F16', shape: [4, 3], data: new Uint8Array(24) },
    'model.norm.weight': { dtype: 'F32', shape: [3], data: new Float32Array(3) },
    'lm_head.weight': { dtype: 'BF16', shape: [4, 3], data: new Uint8Array(24) },
  },
  { format: 'pt' },
);
const TOKENS = ['1e308', '-1', '18446744073709551616', '"F4"', '"U64"', '[]', '{}', 'null', '[0,0]', '"__metadata__"', '9007199254740993'];

/** Mutate either raw bytes or the header text (keeping the length prefix consistent half the time). */
function mutate(rand: () => number): Uint8Array {
  const out = base.slice();
  const r = rand();
  if (r < 0.4) {
    for (let i = 0, n = 1 + Math.floor(rand() * 6); i < n; i++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
    return out;
  }
  const len = Number(new DataView(out.buffer).getBigUint64(0, true));
  let text = new TextDecoder().decode(out.subarray(8, 8 + len));
  const at = Math.floor(rand() * text.length);
  text = text.slice(0, at) + (TOKENS[Math.floor(rand() * TOKENS.length)] ?? '') + text.slice(at + Math.floor(rand() * 6));
  const header = new TextEncoder().encode(text);
  const file = new Uint8Array(8 + header.length + (out.length - 8 - len));
  new DataView(file.buffer).setBigUint64(0, r < 0.7 ? BigInt(header.length) : BigInt(len), true);
  file.set(header, 8);
  file.set(out.subarray(8 + len), 8 + header.length);
  return file;
}

describe('safetensors fuzz', () => {
  it('never throws or hangs on thousands of mutated and random headers', async () => {
    const rand = mulberry32(99);
    const t0 = Date.now();
    let problems = 0;
    for (let i = 0; i < 4000; i++) {
      const bytes = i % 10 === 0 ? Uint8Array.from({ length: Math.floor(rand() * 128) }, () => Math.floor(rand() * 256)) : mutate(rand);
      const src = bufferSource(`fuzz-${i}.safetensors`, bytes);
      problems += (await readSafetensorsHeader(src)).problems.length;
      if (i % 20 === 0) await safetensorsScanner.scan(src, testContext());
    }
    expect(problems).toBeGreaterThan(500);
    expect(Date.now() - t0).toBeLessThan(25_000);
  });
});
