/**
 * The text decodings pickle arguments use, reimplemented so the scanner sees
 * the same names Python does: `raw-unicode-escape` (UNICODE), Python string
 * escapes (STRING), UTF-8 (the binary string opcodes) and Python's `int()`
 * syntax (INT, LONG, GET, PUT). An attacker who writes `os` as `\u006fs` must
 * still be read as `os`.
 */

const HEX = /^[0-9a-fA-F]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8; `undefined` where Python's decoder would raise (or produce lone surrogates). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Latin-1: every byte is the code point of the same value. */
export function decodeLatin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

/**
 * `raw-unicode-escape`: bytes are Latin-1 code points except `\uXXXX` and
 * `\UXXXXXXXX`, which count as escapes only after an odd run of backslashes.
 */
export function decodeRawUnicodeEscape(bytes: Uint8Array): string | undefined {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i] ?? 0;
    if (c !== 0x5c) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    let run = 0;
    while (bytes[i + run] === 0x5c) run++;
    const next = bytes[i + run];
    const width = next === 0x75 ? 4 : next === 0x55 ? 8 : 0;
    if (run % 2 === 0 || width === 0) {
      out += '\\'.repeat(run);
      i += run;
      continue;
    }
    out += '\\'.repeat(run - 1);
    const digits = String.fromCharCode(...bytes.subarray(i + run + 1, i + run + 1 + width));
    if (digits.length !== width || !HEX.test(digits)) return undefined; // Python: truncated escape
    const cp = parseInt(digits, 16);
    if (cp > 0x10ffff) return undefined;
    out += String.fromCodePoint(cp);
    i += run + 1 + width;
  }
  return out;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { '\\': 0x5c, "'": 0x27, '"': 0x22, a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** Python's `codecs.escape_decode` (the STRING opcode's body); `undefined` where Python raises. */
export function decodePythonEscapes(bytes: Uint8Array): Uint8Array | undefined {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] ?? 0;
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    if (i + 1 >= bytes.length) return undefined; // trailing backslash
    const e = String.fromCharCode(bytes[i + 1] ?? 0);
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out.push(simple);
      i++;
    } else if (e === '\n') {
      i++;
    } else if (e >= '0' && e <= '7') {
      let j = i + 1;
      let v = 0;
      while (j < bytes.length && j < i + 4 && (bytes[j] ?? 0) >= 0x30 && (bytes[j] ?? 0) <= 0x37) v = v * 8 + ((bytes[j++] ?? 0) - 0x30);
      out.push(v & 0xff);
      i = j - 1;
    } else if (e === 'x') {
      const digits = String.fromCharCode(...bytes.subarray(i + 2, i + 4));
      if (digits.length !== 2 || !HEX.test(digits)) return undefined;
      out.push(parseInt(digits, 16));
      i += 3;
    } else {
      out.push(0x5c); // unknown escapes keep their backslash
    }
  }
  return Uint8Array.from(out);
}

const PY_WS = /^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g;

/**
 * Python `int(text, base)` for base 10 or 0 (0 accepts 0x/0o/0b prefixes);
 * `undefined` where Python raises.
 */
export function parsePythonInt(text: string, base: 10 | 0): bigint | undefined {
  const t = text.replace(PY_WS, '');
  const m = /^([+-]?)(?:(0[xX])([0-9a-fA-F_]+)|(0[oO])([0-7_]+)|(0[bB])([01_]+)|([0-9_]+))$/.exec(t);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const [prefix, body] = m[2] ? ['0x', m[3]] : m[4] ? ['0o', m[5]] : m[6] ? ['0b', m[7]] : ['', m[8]];
  if (body === undefined) return undefined;
  if (prefix !== '' && base !== 0) return undefined;
  // Underscores only between digits (after a base prefix one may lead).
  if (/__|_$/.test(body) || (prefix === '' && body.startsWith('_'))) return undefined;
  const digits = body.replace(/_/g, '');
  if (digits === '') return undefined;
  if (prefix === '' && base === 0 && /^0+[1-9]/.test(digits)) return undefined; // 010 is an error with base 0
  if (digits.length > 4300) return undefined; // Python refuses longer decimal strings
  return sign * BigInt(prefix + digits);
}

/**
 * The INT opcode as CPython's C unpickler reads it: `strtol` with base 0
 * (`0x` hex, a leading 0 means octal), ending at the newline or at a NUL
 * byte; only when that fails, Python's `int(text, 0)`. Values decide joblib
 * array sizes, so they must match what the loader computes.
 */
export function parseIntOpcode(line: string): bigint | undefined {
  const m = /^[\t\n\v\f\r ]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(line);
  const body = m?.[2];
  if (m && body !== undefined && (m[0].length === line.length || line[m[0].length] === '\0')) {
    const magnitude = /^0[xX]/.test(body) ? BigInt(body) : body.length > 1 && body[0] === '0' ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
    const v = m[1] === '-' ? -magnitude : magnitude;
    if (v >= -(2n ** 63n) && v < 2n ** 63n) return v; // beyond a C long, CPython falls back to int()
  }
  return parsePythonInt(line, 0);
}

/** Little-endian two's-complement bytes (LONG1/LONG4) as a bigint. */
export function decodeLongBytes(bytes: Uint8Array): bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i] ?? 0);
  const last = bytes[bytes.length - 1];
  if (last !== undefined && last & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return v;
}
