/**
 * Little-endian field readers for archive headers. Reads past the end of a
 * buffer return 0 rather than throwing, so callers check lengths once up front
 * and a truncated record can never crash the scanner.
 */

/** Unsigned 16-bit little-endian integer at `o`. */
export function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

/** Unsigned 32-bit little-endian integer at `o`. */
export function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000;
}

/**
 * Unsigned 64-bit little-endian integer at `o` as a number. Values beyond
 * 2^53 cannot be real offsets or sizes of any file, so they become Infinity and
 * fail every later bounds check instead of silently losing precision.
 */
export function u64(b: Uint8Array, o: number): number {
  const hi = u32(b, o + 4);
  if (hi >= 0x200000) return Number.POSITIVE_INFINITY;
  return hi * 0x1_0000_0000 + u32(b, o);
}

/** True when the four bytes at `o` equal `sig` read as a little-endian u32. */
export function hasSignature(b: Uint8Array, o: number, sig: number): boolean {
  return o >= 0 && o + 4 <= b.length && u32(b, o) === sig;
}

/** Zip record signatures (APPNOTE 4.3). */
export const SIG = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  end64Locator: 0x07064b50,
  descriptor: 0x08074b50,
} as const;

/** Latin-1 decoding: one character per byte, so a hostile name can never fail to decode. */
export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
}

/** Bytes as UTF-8 with replacement characters, never throwing. */
export function utf8(b: Uint8Array): string {
  return new TextDecoder('utf-8').decode(b);
}

/** A name made safe for messages: control characters escaped, length capped. */
export function printable(name: string, max = 160): string {
  // eslint-disable-next-line no-control-regex
  const shown = name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}
