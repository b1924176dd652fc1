/**
 * Small byte fixtures shared by the container tests: pickles (benign and
 * one calling os.system), seeded random bytes, and a reading counter.
 */
import type { ByteSource } from '../../io/byte-source.js';
import { mulberry32 } from '../../../core/seeded-random.js';

/** Protocol-2 pickle of the int 1. */
export const BENIGN_PICKLE = Uint8Array.from([0x80, 0x02, 0x4b, 0x01, 0x2e]);

/** Protocol-2 pickle that would call os.system('id') when loaded. */
export const EVIL_PICKLE = (() => {
  const text = 'cos\nsystem\n';
  const arg = 'id';
  return Uint8Array.from([
    0x80, 0x02,
    ...new TextEncoder().encode(text),
    0x58, arg.length, 0, 0, 0, ...new TextEncoder().encode(arg),
    0x85, 0x52, 0x2e,
  ]);
})();

/** Text bytes. */
export function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Seeded uniform floats in [0, 1) (the project's one PRNG). */
export const prng = mulberry32;

/** `n` seeded random bytes (none of them form a known format in practice). */
export function randomBytes(n: number, seed = 1): Uint8Array {
  const next = prng(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
  // Keep tensor-like data from starting with a pickle PROTO byte by chance.
  if (out[0] === 0x80) out[0] = 0x7f;
  return out;
}

/** Wrap a source and count the bytes read through it. */
export function countingSource(src: ByteSource): ByteSource & { bytesRead: number } {
  const counted = {
    name: src.name,
    size: src.size,
    bytesRead: 0,
    async read(offset: number, length: number) {
      const b = await src.read(offset, length);
      counted.bytesRead += b.length;
      return b;
    },
  };
  return counted;
}
