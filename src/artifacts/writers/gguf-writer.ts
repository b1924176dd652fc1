/**
 * A GGUF writer (v2/v3, little-endian) for fixtures and the demo model:
 * typed metadata, tensor infos, aligned data. Overrides let tests write
 * hostile files (bad counts, misaligned or overlapping offsets, trailing bytes)
 * with the same code that writes clean ones.
 */
import { open } from 'node:fs/promises';
import { alignUp, ggmlTypeByName } from '../gguf/ggml-types.js';
import { ggufValueTypeId, type GgufScalar, type GgufValueType } from '../gguf/value-types.js';

/** A typed metadata value to write. */
export type GgufWriteValue =
  | { type: 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64'; value: number }
  | { type: 'uint64' | 'int64'; value: bigint }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | GgufWriteArray;

/** An array value; nested arrays hold GgufWriteArray items. */
export interface GgufWriteArray {
  type: 'array';
  itemType: GgufValueType;
  values: ReadonlyArray<GgufScalar | GgufWriteArray>;
}

/** Shorthands for typed values: `gv.u32(64)`, `gv.strs(['a', 'b'])`. */
export const gv = {
  u8: (value: number): GgufWriteValue => ({ type: 'uint8', value }),
  i32: (value: number): GgufWriteValue => ({ type: 'int32', value }),
  u32: (value: number): GgufWriteValue => ({ type: 'uint32', value }),
  u64: (value: bigint): GgufWriteValue => ({ type: 'uint64', value }),
  f32: (value: number): GgufWriteValue => ({ type: 'float32', value }),
  f64: (value: number): GgufWriteValue => ({ type: 'float64', value }),
  bool: (value: boolean): GgufWriteValue => ({ type: 'bool', value }),
  str: (value: string): GgufWriteValue => ({ type: 'string', value }),
  strs: (values: readonly string[]): GgufWriteArray => ({ type: 'array', itemType: 'string', values }),
  f32s: (values: readonly number[]): GgufWriteArray => ({ type: 'array', itemType: 'float32', values }),
  i32s: (values: readonly number[]): GgufWriteArray => ({ type: 'array', itemType: 'int32', values }),
  arr: (itemType: GgufValueType, values: ReadonlyArray<GgufScalar | GgufWriteArray>): GgufWriteArray => ({ type: 'array', itemType, values }),
};

/** Tensor bytes, or a function producing them (so `writeGgufFile` holds one tensor at a time). */
export type GgufTensorData = Uint8Array | Float32Array | (() => Uint8Array | Float32Array);

/** One tensor to write. `dims` are ggml order (fastest first); `type` is a ggml type name or id. */
export interface GgufWriteTensor {
  name: string;
  type: string | number;
  dims: readonly (number | bigint)[];
  data: GgufTensorData;
  /** Stored data offset instead of the computed one (hostile variants). */
  offset?: bigint;
}

/** A whole file. Entries as a list may repeat keys (for duplicate-key tests). */
export interface GgufWriteSpec {
  version?: number;
  kv: Readonly<Record<string, GgufWriteValue>> | ReadonlyArray<readonly [string, GgufWriteValue]>;
  tensors?: readonly GgufWriteTensor[];
  /** Data alignment; written as `general.alignment` when not 32 and not already in `kv`. */
  alignment?: number;
  /** Declared counts instead of the real ones. */
  tensorCount?: bigint;
  kvCount?: bigint;
  /** Bytes appended after the tensor data. */
  trailing?: Uint8Array;
}

const encoder = new TextEncoder();

/** Growable little-endian byte buffer. */
class Bytes {
  buf = new Uint8Array(4096);
  view = new DataView(this.buf.buffer);
  len = 0;
  private room(n: number): number {
    if (this.len + n > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
      this.view = new DataView(next.buffer);
    }
    const at = this.len;
    this.len += n;
    return at;
  }
  /** Reserve `n` bytes, then write them; the view is read after any growth. */
  private put(n: number, write: (view: DataView, at: number) => void): void {
    const at = this.room(n);
    write(this.view, at);
  }
  u32(v: number): void {
    this.put(4, (d, at) => d.setUint32(at, v >>> 0, true));
  }
  u64(v: bigint): void {
    this.put(8, (d, at) => d.setBigUint64(at, BigInt.asUintN(64, v), true));
  }
  raw(b: Uint8Array): void {
    const at = this.room(b.length);
    this.buf.set(b, at);
  }
  str(s: string): void {
    const b = encoder.encode(s);
    this.u64(BigInt(b.length));
    this.raw(b);
  }
  scalar(t: GgufValueType, v: GgufScalar): void {
    const n = Number(v);
    switch (t) {
      case 'uint8': case 'bool': return this.put(1, (d, at) => d.setUint8(at, n));
      case 'int8': return this.put(1, (d, at) => d.setInt8(at, n));
      case 'uint16': return this.put(2, (d, at) => d.setUint16(at, n, true));
      case 'int16': return this.put(2, (d, at) => d.setInt16(at, n, true));
      case 'uint32': return this.put(4, (d, at) => d.setUint32(at, n, true));
      case 'int32': return this.put(4, (d, at) => d.setInt32(at, n, true));
      case 'float32': return this.put(4, (d, at) => d.setFloat32(at, n, true));
      case 'float64': return this.put(8, (d, at) => d.setFloat64(at, n, true));
      case 'uint64': return this.put(8, (d, at) => d.setBigUint64(at, BigInt(v), true));
      case 'int64': return this.put(8, (d, at) => d.setBigInt64(at, BigInt(v), true));
      case 'string': return this.str(String(v));
      case 'array': throw new Error('array item written as a scalar');
    }
  }
  value(v: GgufWriteValue | GgufWriteArray): void {
    if (v.type !== 'array') return this.scalar(v.type, v.value);
    this.u32(ggufValueTypeId(v.itemType));
    this.u64(BigInt(v.values.length));
    for (const item of v.values) {
      if (typeof item === 'object') this.value(item);
      else this.scalar(v.itemType, item);
    }
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

function asBytes(d: GgufTensorData): Uint8Array {
  const v = typeof d === 'function' ? d() : d;
  return v instanceof Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function typeId(t: string | number): number {
  if (typeof t === 'number') return t;
  const info = ggmlTypeByName(t);
  if (!info) throw new Error(`unknown ggml type ${t}`);
  return info.id;
}

/** Bytes a tensor's data takes, from its data when given eagerly or its type and dims otherwise. */
function dataLength(t: GgufWriteTensor): number {
  if (typeof t.data !== 'function') return t.data.byteLength;
  const info = ggmlTypeByName(String(t.type));
  if (!info) throw new Error(`cannot size lazy tensor ${t.name} of type ${t.type}`);
  const n = t.dims.reduce<number>((a, d) => a * Number(d), 1);
  return (n / info.blockSize) * info.typeSize;
}

/** The header (through padding) and each tensor's padded data length. */
function header(spec: GgufWriteSpec): { head: Uint8Array; padded: number[] } {
  const align = spec.alignment ?? 32;
  const entries: Array<readonly [string, GgufWriteValue]> = Array.isArray(spec.kv) ? [...spec.kv] : Object.entries(spec.kv);
  if (align !== 32 && !entries.some(([k]) => k === 'general.alignment')) entries.push(['general.alignment', gv.u32(align)]);
  const tensors = spec.tensors ?? [];
  const b = new Bytes();
  b.raw(encoder.encode('GGUF'));
  b.u32(spec.version ?? 3);
  b.u64(spec.tensorCount ?? BigInt(tensors.length));
  b.u64(spec.kvCount ?? BigInt(entries.length));
  for (const [k, v] of entries) {
    b.str(k);
    b.u32(ggufValueTypeId(v.type));
    b.value(v);
  }
  const lengths = tensors.map(dataLength);
  const padded = lengths.map((n) => Number(alignUp(BigInt(n), BigInt(align))));
  let offset = 0n;
  tensors.forEach((t, i) => {
    b.str(t.name);
    b.u32(t.dims.length);
    for (const d of t.dims) b.u64(BigInt(d));
    b.u32(typeId(t.type));
    b.u64(t.offset ?? offset);
    offset += BigInt(padded[i] ?? 0);
  });
  if (tensors.length > 0) b.raw(new Uint8Array(Number(alignUp(BigInt(b.len), BigInt(align))) - b.len));
  return { head: b.bytes(), padded };
}

/**
 * Serialise a GGUF file into memory.
 * @example writeGguf({ kv: { 'general.architecture': gv.str('llama') }, tensors: [{ name: 'w', type: 'F32', dims: [2], data: new Float32Array([1, 2]) }] })
 */
export function writeGguf(spec: GgufWriteSpec): Uint8Array {
  const { head, padded } = header(spec);
  const trailing = spec.trailing ?? new Uint8Array(0);
  const total = head.length + padded.reduce((a, n) => a + n, 0) + trailing.length;
  const out = new Uint8Array(total);
  out.set(head);
  let at = head.length;
  (spec.tensors ?? []).forEach((t, i) => {
    out.set(asBytes(t.data), at);
    at += padded[i] ?? 0;
  });
  out.set(trailing, at);
  return out;
}

/** Stream a GGUF file to disk one tensor at a time (lazy `data` functions are called in order). */
export async function writeGgufFile(path: string, spec: GgufWriteSpec): Promise<void> {
  const { head, padded } = header(spec);
  const fh = await open(path, 'w');
  try {
    await fh.write(head);
    const tensors = spec.tensors ?? [];
    for (let i = 0; i < tensors.length; i++) {
      const data = asBytes(tensors[i]?.data ?? new Uint8Array(0));
      await fh.write(data);
      const pad = (padded[i] ?? 0) - data.length;
      if (pad > 0) await fh.write(new Uint8Array(pad));
    }
    if (spec.trailing) await fh.write(spec.trailing);
  } finally {
    await fh.close();
  }
}
