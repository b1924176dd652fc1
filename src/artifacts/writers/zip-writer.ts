/**
 * Zip fixture writer for tests and the product demo. Besides well-formed
 * archives it produces the hostile variants the zip scanner must catch:
 * local/central disagreements, overlapping or hidden entries, ZIP64 records,
 * data descriptors, prepended bytes and comments.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** Header fields a test may override on one side only. */
export interface ZipHeaderOverrides {
  name?: string;
  flags?: number;
  method?: number;
  crc?: number;
  compressedSize?: number;
  uncompressedSize?: number;
  extra?: Uint8Array;
  /** Central only: offset of the local header (relative to the archive start). */
  localOffset?: number;
}

/** One member to write. */
export interface ZipWriterEntry {
  name: string;
  data: Uint8Array;
  /** `store` (default), `deflate`, or a raw method id written with `data` stored as is. */
  method?: 'store' | 'deflate' | number;
  /** Bytes written as the member's compressed data instead of compressing `data`. */
  raw?: Uint8Array;
  flags?: number;
  /** Set flag bit 3 and write a data descriptor; the local CRC and sizes become zero. */
  descriptor?: boolean | { signature: boolean };
  /** Write ZIP64 extra fields with saturated 32-bit sizes and offset. */
  zip64?: boolean;
  /** Pad the local extra field so data starts on a multiple of this (torch uses 64). */
  align?: number;
  /** Add an Info-ZIP Unicode Path extra field with this name. */
  unicodePath?: string;
  local?: ZipHeaderOverrides;
  central?: ZipHeaderOverrides;
  /** List only in the central directory (its localOffset must point somewhere). */
  centralOnly?: boolean;
  /** Write the local entry but leave it out of the central directory. */
  hidden?: boolean;
}

/** Archive-level options. */
export interface ZipWriterOptions {
  /** Bytes before the archive; offsets stay relative to the archive, as `cat stub a.zip` leaves them. */
  prepend?: Uint8Array;
  comment?: string | Uint8Array;
  /** Write a ZIP64 end record and locator with a saturated classic end record. */
  zip64?: boolean;
  /** Entry count written in the end record instead of the real one. */
  declaredEntries?: number;
  /** Leave out the central directory and end record entirely. */
  noDirectory?: boolean;
  /** Bytes appended after the end record (beyond the comment). */
  trailer?: Uint8Array;
}

/** Build a zip archive in memory. */
export function writeZip(entries: readonly ZipWriterEntry[], options: ZipWriterOptions = {}): Uint8Array {
  const w = new ByteWriter();
  const records: Uint8Array[] = [];
  for (const entry of entries) {
    const body = memberBody(entry);
    const offset = w.length;
    if (!entry.centralOnly) writeLocal(w, entry, body);
    if (!entry.hidden) records.push(centralRecord(entry, body, entry.central?.localOffset ?? offset));
  }
  if (!options.noDirectory) writeDirectory(w, records, options);
  const prefix = options.prepend ?? new Uint8Array(0);
  const archive = w.out();
  const result = new Uint8Array(prefix.length + archive.length);
  result.set(prefix, 0);
  result.set(archive, prefix.length);
  return result;
}

/**
 * Entries of a torch.save-style checkpoint laid out as torch's miniz writer
 * does: `<prefix>/data.pkl`, byteorder, storages `data/<n>`, version and
 * serialization id, stored, 64-byte aligned with an `FB` padding field, flags
 * 0x0808 and a data descriptor after each member.
 */
export function torchZipEntries(opts: { prefix?: string; dataPkl: Uint8Array; storages?: readonly Uint8Array[] }): ZipWriterEntry[] {
  const prefix = opts.prefix ?? 'archive';
  const text = (s: string) => new TextEncoder().encode(s);
  const member = (name: string, data: Uint8Array): ZipWriterEntry => ({ name: `${prefix}/${name}`, data, align: 64, flags: 0x800, descriptor: true });
  return [
    member('data.pkl', opts.dataPkl),
    member('byteorder', text('little')),
    ...(opts.storages ?? []).map((data, i) => member(`data/${i}`, data)),
    member('version', text('3\n')),
    member('.data/serialization_id', text('1234567890123456789012345678901234567890')),
  ];
}

interface Body {
  method: number;
  compressed: Uint8Array;
  crc: number;
  size: number;
  flags: number;
}

function memberBody(entry: ZipWriterEntry): Body {
  const method = entry.method === undefined || entry.method === 'store' ? 0 : entry.method === 'deflate' ? 8 : entry.method;
  const compressed = entry.raw ?? (method === 8 ? deflateRawSync(entry.data) : entry.data);
  let flags = entry.flags ?? 0;
  if (entry.descriptor) flags |= 0x8;
  if (/[^\x20-\x7e]/.test(entry.name)) flags |= 0x800;
  return { method, compressed, crc: crc32(entry.data), size: entry.data.length, flags };
}

function writeLocal(out: ByteWriter, entry: ZipWriterEntry, body: Body): void {
  const o = entry.local ?? {};
  const name = utf8(o.name ?? entry.name);
  const deferred = !!entry.descriptor;
  const sizes = {
    crc: o.crc ?? (deferred ? 0 : body.crc),
    compressed: o.compressedSize ?? (deferred ? 0 : body.compressed.length),
    size: o.uncompressedSize ?? (deferred ? 0 : body.size),
  };
  let extra = o.extra ?? (entry.zip64 ? zip64Extra([sizes.size, sizes.compressed]) : new Uint8Array(0));
  if (entry.align) {
    const unaligned = out.length + 30 + name.length + extra.length + 4;
    const pad = (entry.align - (unaligned % entry.align)) % entry.align;
    extra = concat([extra, padExtra(pad)]);
  }
  out.u32(0x04034b50).u16(entry.zip64 ? 45 : 20).u16(o.flags ?? body.flags).u16(o.method ?? body.method).u16(0).u16(0x21);
  out.u32(sizes.crc);
  out.u32(entry.zip64 ? 0xffffffff : sizes.compressed).u32(entry.zip64 ? 0xffffffff : sizes.size);
  out.u16(name.length).u16(extra.length).bytes(name).bytes(extra).bytes(body.compressed);
  if (entry.descriptor) {
    const withSig = typeof entry.descriptor === 'object' ? entry.descriptor.signature : true;
    if (withSig) out.u32(0x08074b50);
    out.u32(body.crc);
    if (entry.zip64) out.u64(body.compressed.length).u64(body.size);
    else out.u32(body.compressed.length).u32(body.size);
  }
}

function centralRecord(entry: ZipWriterEntry, body: Body, localOffset: number): Uint8Array {
  const o = entry.central ?? {};
  const nameText = o.name ?? entry.name;
  const name = utf8(nameText);
  const crc = o.crc ?? body.crc;
  const compressed = o.compressedSize ?? body.compressed.length;
  const size = o.uncompressedSize ?? body.size;
  const parts = [o.extra ?? (entry.zip64 ? zip64Extra([size, compressed, localOffset]) : new Uint8Array(0))];
  if (entry.unicodePath !== undefined) parts.push(unicodePathExtra(name, entry.unicodePath));
  const extra = concat(parts);
  const w = new ByteWriter();
  w.u32(0x02014b50).u16(0x031e).u16(entry.zip64 ? 45 : 20).u16(o.flags ?? body.flags).u16(o.method ?? body.method).u16(0).u16(0x21);
  w.u32(crc).u32(entry.zip64 ? 0xffffffff : compressed).u32(entry.zip64 ? 0xffffffff : size);
  w.u16(name.length).u16(extra.length).u16(0).u16(0).u16(0).u32(0o100644 * 0x10000);
  w.u32(entry.zip64 ? 0xffffffff : localOffset).bytes(name).bytes(extra);
  return w.out();
}

function writeDirectory(out: ByteWriter, records: readonly Uint8Array[], options: ZipWriterOptions): void {
  const cdOffset = out.length;
  for (const r of records) out.bytes(r);
  const cdSize = out.length - cdOffset;
  const count = options.declaredEntries ?? records.length;
  if (options.zip64) {
    const recordAt = out.length;
    out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(count).u64(count).u64(cdSize).u64(cdOffset);
    out.u32(0x07064b50).u32(0).u64(recordAt).u32(1);
  }
  const comment = typeof options.comment === 'string' ? utf8(options.comment) : (options.comment ?? new Uint8Array(0));
  const sat = (v: number, max: number) => (options.zip64 ? max : v);
  out.u32(0x06054b50).u16(0).u16(0).u16(sat(count, 0xffff)).u16(sat(count, 0xffff));
  out.u32(sat(cdSize, 0xffffffff)).u32(sat(cdOffset, 0xffffffff)).u16(comment.length).bytes(comment);
  if (options.trailer) out.bytes(options.trailer);
}

function zip64Extra(values: readonly number[]): Uint8Array {
  const w = new ByteWriter().u16(0x0001).u16(values.length * 8);
  for (const v of values) w.u64(v);
  return w.out();
}

function unicodePathExtra(headerName: Uint8Array, path: string): Uint8Array {
  const p = utf8(path);
  return new ByteWriter().u16(0x7075).u16(5 + p.length).u8(1).u32(crc32(headerName)).bytes(p).out();
}

// torch's alignment padding: an extra field with id "FB" filled with 'Z'.
function padExtra(pad: number): Uint8Array {
  return new ByteWriter().u16(0x4246).u16(pad).bytes(new Uint8Array(pad).fill(0x5a)).out();
}

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Growable little-endian byte buffer shared by the fixture writers. */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  u8(v: number): this {
    this.room(1);
    this.buf[this.length++] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    return this.u8(v).u8(v >>> 8);
  }

  u32(v: number): this {
    return this.u16(v & 0xffff).u16(Math.floor(v / 0x10000) & 0xffff);
  }

  u64(v: number): this {
    return this.u32(v % 0x1_0000_0000).u32(Math.floor(v / 0x1_0000_0000));
  }

  bytes(b: Uint8Array): this {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  /** The bytes written so far (a copy). */
  out(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
