/**
 * Gzip member headers (RFC 1952): fixed ten bytes, then optional extra
 * field, file name, comment and header CRC, each bounded by the source size.
 */
import type { ByteSource } from '../io/byte-source.js';
import { latin1, u16 } from '../zip/bytes.js';

const FLAG = { hcrc: 0x2, extra: 0x4, name: 0x8, comment: 0x10, reserved: 0xe0 } as const;
const MAX_TEXT = 64 * 1024;
const SMALL_READ = 4096;

/** A parsed member header, or why it could not be parsed. */
export type GzipHeader =
  | { ok: true; length: number; name?: string; reservedFlags: boolean }
  | { ok: false; reason: 'not-gzip' | 'truncated' | 'bad-method' };

/** True when the bytes at `at` start a gzip member. */
export function isGzipMagic(b: Uint8Array, at = 0): boolean {
  return b[at] === 0x1f && b[at + 1] === 0x8b;
}

/** Parse the member header starting at `offset`. */
export async function readGzipHeader(src: ByteSource, offset: number): Promise<GzipHeader> {
  const first = parseHeader(await src.read(offset, SMALL_READ));
  // Names and comments are short in practice; re-read with the full bound only when they run past the first window.
  if (first.ok || first.reason !== 'truncated' || src.size - offset <= SMALL_READ) return first;
  return parseHeader(await src.read(offset, 10 + 2 + MAX_TEXT * 2 + 2));
}

function parseHeader(head: Uint8Array): GzipHeader {
  if (!isGzipMagic(head)) return { ok: false, reason: head.length < 2 ? 'truncated' : 'not-gzip' };
  if (head.length < 10) return { ok: false, reason: 'truncated' };
  if (head[2] !== 8) return { ok: false, reason: 'bad-method' };
  const flags = head[3] ?? 0;
  let pos = 10;
  if (flags & FLAG.extra) pos += 2 + u16(head, pos);
  let name: string | undefined;
  for (const bit of [FLAG.name, FLAG.comment]) {
    if (!(flags & bit)) continue;
    const nul = head.indexOf(0, pos);
    if (nul < 0) return { ok: false, reason: 'truncated' };
    if (bit === FLAG.name) name = latin1(head.subarray(pos, nul));
    pos = nul + 1;
  }
  if (flags & FLAG.hcrc) pos += 2;
  if (pos > head.length) return { ok: false, reason: 'truncated' };
  return { ok: true, length: pos, ...(name !== undefined ? { name } : {}), reservedFlags: (flags & FLAG.reserved) !== 0 };
}
