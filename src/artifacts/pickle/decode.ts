/**
 * Decode one opcode and its inline argument from a window of bytes, without
 * any I/O. The async walker and the synchronous sniffer share this: when the
 * window is too short it answers NEED with the offset it must reach, and the
 * caller either reads more or gives up.
 */
import { OPCODES, type OpSpec } from './opcodes.js';
import { decodeLongBytes } from './text-codec.js';

/** A run of bytes at an absolute offset of a stream of `size` bytes (Infinity when unknown). */
export interface ByteWindow {
  bytes: Uint8Array;
  base: number;
  size: number;
}

/** Outcome of decoding one opcode. */
export const DECODE = { OK: 0, NEED: 1, EOF: 2, BAD_OPCODE: 3, BAD_ARG: 4, LONG_LINE: 5 } as const;
export type DecodeStatus = (typeof DECODE)[keyof typeof DECODE];

/** Payloads and lines longer than this are skipped, not kept: names never need more. */
export const KEEP_BYTES = 1024;
/** A line is searched for this far inside one window before the caller streams it. */
export const LINE_WINDOW = 64 * 1024;

/** One decoded opcode; the walker reuses a single instance to avoid allocating per opcode. */
export interface DecodedOp {
  spec: OpSpec | undefined;
  code: number;
  /** Absolute offsets of the opcode byte and of the byte after its argument. */
  start: number;
  end: number;
  /** Fixed integer argument, or the payload length of a length-prefixed one. */
  num: number;
  /** LONG1/LONG4 value when short enough to keep. */
  big: bigint | undefined;
  /** Payload or first line, when at most KEEP_BYTES long. */
  raw: Uint8Array | undefined;
  /** Second line (GLOBAL, INST). */
  raw2: Uint8Array | undefined;
  /** For NEED: the absolute offset the window must reach. */
  need: number;
}

/** A fresh, empty DecodedOp. */
export function newDecodedOp(): DecodedOp {
  return { spec: undefined, code: 0, start: 0, end: 0, num: 0, big: undefined, raw: undefined, raw2: undefined, need: 0 };
}

/** Decode the opcode at absolute offset `at` into `out`. */
export function decodeOp(win: ByteWindow, at: number, out: DecodedOp): DecodeStatus {
  const b = win.bytes;
  const i = at - win.base;
  out.start = at;
  out.raw = out.raw2 = out.big = undefined;
  out.num = 0;
  if (at >= win.size) return DECODE.EOF;
  if (i >= b.length) return need(out, at + 1);
  const code = b[i] ?? 0;
  const spec = OPCODES[code];
  out.code = code;
  out.spec = spec;
  if (!spec) return DECODE.BAD_OPCODE;
  const a = at + 1;
  switch (spec.arg) {
    case 'none':
      out.end = a;
      return DECODE.OK;
    case 'u1':
    case 'u2':
    case 'u4':
    case 'i4':
    case 'f8':
    case 'u8':
      return fixedArg(win, a, spec.arg, out);
    case 'long1':
    case 'bytes1':
      return payload(win, a, 1, out);
    case 'long4':
    case 'bytes4':
      return payload(win, a, 4, out);
    case 'bytes8':
      return payload(win, a, 8, out);
    case 'line':
      return lines(win, a, 1, out);
    case 'line2':
      return lines(win, a, 2, out);
  }
}

const FIXED_WIDTH = { u1: 1, u2: 2, u4: 4, i4: 4, f8: 8, u8: 8 } as const;

function fixedArg(win: ByteWindow, a: number, kind: keyof typeof FIXED_WIDTH, out: DecodedOp): DecodeStatus {
  const width = FIXED_WIDTH[kind];
  if (a + width > win.size) return DECODE.EOF;
  if (a + width > win.base + win.bytes.length) return need(out, a + width);
  if (kind === 'f8') out.num = view(win, a, 8).getFloat64(0, false);
  else if (kind === 'u8') out.num = safeNumber(view(win, a, 8).getBigUint64(0, true));
  else out.num = le(win, a, width, kind === 'i4');
  out.end = a + width;
  return DECODE.OK;
}

function payload(win: ByteWindow, a: number, width: 1 | 4 | 8, out: DecodedOp): DecodeStatus {
  if (a + width > win.size) return DECODE.EOF;
  if (a + width > win.base + win.bytes.length) return need(out, a + width);
  const signed = out.code === 0x54 /* BINSTRING */ || out.code === 0x8b; /* LONG4 */
  const len = width === 8 ? safeNumber(view(win, a, 8).getBigUint64(0, true)) : le(win, a, width, signed);
  if (len < 0) return DECODE.BAD_ARG;
  out.num = len;
  const from = a + width;
  out.end = from + len;
  if (out.end > win.size) return DECODE.EOF;
  if (len > KEEP_BYTES) return DECODE.OK; // skipped: never allocated
  if (out.end > win.base + win.bytes.length) return need(out, out.end);
  out.raw = win.bytes.subarray(from - win.base, out.end - win.base);
  if (out.code === 0x8a || out.code === 0x8b) out.big = decodeLongBytes(out.raw);
  return DECODE.OK;
}

function lines(win: ByteWindow, a: number, count: 1 | 2, out: DecodedOp): DecodeStatus {
  let p = a;
  for (let n = 0; n < count; n++) {
    const rel = p - win.base;
    const limit = Math.min(win.bytes.length, rel + LINE_WINDOW);
    const nl = win.bytes.subarray(rel, limit).indexOf(0x0a);
    if (nl < 0) {
      if (win.base + limit >= win.size) return DECODE.EOF;
      if (limit - rel >= LINE_WINDOW) return DECODE.LONG_LINE;
      return need(out, p + LINE_WINDOW);
    }
    const line = nl <= KEEP_BYTES ? win.bytes.subarray(rel, rel + nl) : undefined;
    if (n === 0) out.raw = line;
    else out.raw2 = line;
    p += nl + 1;
  }
  out.end = p;
  return DECODE.OK;
}

function need(out: DecodedOp, upTo: number): DecodeStatus {
  out.need = upTo;
  return DECODE.NEED;
}

// Little-endian integer of 1, 2 or 4 bytes, read without allocating a DataView.
function le(win: ByteWindow, at: number, width: number, signed: boolean): number {
  const b = win.bytes;
  const i = at - win.base;
  let v = 0;
  for (let k = width - 1; k >= 0; k--) v = v * 256 + (b[i + k] ?? 0);
  return signed && width === 4 && v >= 0x80000000 ? v - 0x100000000 : v;
}

function view(win: ByteWindow, at: number, width: number): DataView {
  const b = win.bytes;
  return new DataView(b.buffer, b.byteOffset + (at - win.base), width);
}

// Lengths beyond 2^53 cannot fit any real file; treat them as running past the end.
function safeNumber(v: bigint): number {
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}
