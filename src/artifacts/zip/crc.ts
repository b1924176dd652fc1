/**
 * CRC-32 of a window of a source, read in chunks so stored members are never
 * copied whole. Returns undefined when the deadline passes first.
 */
import { crc32 } from 'node:zlib';
import type { ByteSource } from '../io/byte-source.js';

const CHUNK = 1024 * 1024;

/** CRC-32 (zip/gzip polynomial) of `length` bytes of `src` from `offset`. */
export async function crcOfWindow(src: ByteSource, offset: number, length: number, deadline: number): Promise<number | undefined> {
  let crc = 0;
  for (let pos = 0; pos < length; pos += CHUNK) {
    if (Date.now() > deadline) return undefined;
    const chunk = await src.read(offset + pos, Math.min(CHUNK, length - pos));
    if (chunk.length === 0) break;
    crc = crc32(chunk, crc);
  }
  return crc;
}
