/**
 * One 512-byte tar header block: v7, ustar (POSIX prefix field) and GNU
 * (`ustar  ` magic) variants, octal or base-256 numbers, and the checksum in
 * both the unsigned and the historic signed form that tarfile accepts.
 */
import { latin1 } from '../zip/bytes.js';

/** Tar block size. */
export const BLOCK = 512;

/** A decoded header block. */
export interface TarHeader {
  /** Name with the ustar prefix applied; pax and GNU long names override it later. */
  name: string;
  linkname: string;
  typeflag: string;
  /** Size field, NaN when unreadable, Infinity when absurd. */
  size: number;
  checksumOk: boolean;
}

/** True when every byte of the block is zero (an end-of-archive block). */
export function isZeroBlock(block: Uint8Array): boolean {
  for (const b of block) if (b !== 0) return false;
  return true;
}

/** Decode one header block. */
export function parseTarHeader(block: Uint8Array): TarHeader {
  const magic = latin1(block.subarray(257, 263));
  const rawName = cString(block.subarray(0, 100));
  // The prefix field exists only in POSIX ustar headers; GNU headers use those bytes for other fields.
  const prefix = magic === 'ustar\0' ? cString(block.subarray(345, 500)) : '';
  return {
    name: prefix ? `${prefix}/${rawName}` : rawName,
    linkname: cString(block.subarray(157, 257)),
    typeflag: String.fromCharCode(block[156] ?? 0),
    size: parseNumber(block.subarray(124, 136)),
    checksumOk: checksumMatches(block),
  };
}

/** Parse a numeric field: octal text, or base-256 when the top bit of the first byte is set. */
export function parseNumber(f: Uint8Array): number {
  const first = f[0] ?? 0;
  if (first & 0x80) {
    if (first === 0xff) return Number.NaN; // negative
    let v = first & 0x7f;
    for (let i = 1; i < f.length; i++) {
      v = v * 256 + (f[i] ?? 0);
      if (v > Number.MAX_SAFE_INTEGER) return Number.POSITIVE_INFINITY;
    }
    return v;
  }
  const text = latin1(f).replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : Number.NaN;
}

function checksumMatches(block: Uint8Array): boolean {
  const stored = parseNumber(block.subarray(148, 156));
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

function cString(b: Uint8Array): string {
  const nul = b.indexOf(0);
  return latin1(nul >= 0 ? b.subarray(0, nul) : b);
}
