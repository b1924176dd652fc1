/**
 * A little-endian reader over a ByteSource that keeps a window in memory, so
 * headers with hundreds of thousands of vocabulary strings are parsed without
 * one I/O call per field and without loading the tensor data.
 */
import type { ByteSource } from '../io/byte-source.js';

const WINDOW = 1 << 20;

/** Sequential reader; call `need(n)` before reading `n` bytes with the sync getters. */
export class ByteCursor {
  /** Absolute position of the next byte to read. */
  pos = 0;
  private buf: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(this.buf.buffer);
  private bufStart = 0;

  constructor(
    private readonly src: ByteSource,
    private readonly window: number = WINDOW,
  ) {}

  /** Bytes between the position and the end of the source. */
  get remaining(): number {
    return Math.max(0, this.src.size - this.pos);
  }

  /** Make `n` bytes readable; false (and nothing read) when the source ends first. */
  async need(n: number): Promise<boolean> {
    if (n > this.remaining) return false;
    if (this.pos >= this.bufStart && this.pos + n <= this.bufStart + this.buf.length) return true;
    const len = Math.min(Math.max(n, this.window), this.remaining);
    const bytes = await this.src.read(this.pos, len);
    if (bytes.length < n) return false;
    this.buf = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.bufStart = this.pos;
    return true;
  }

  /** Move forward without reading (the caller checked `remaining`). */
  skip(n: number): void {
    this.pos += n;
  }

  private at(width: number): number {
    const i = this.pos - this.bufStart;
    this.pos += width;
    return i;
  }

  u8(): number {
    return this.view.getUint8(this.at(1));
  }
  i8(): number {
    return this.view.getInt8(this.at(1));
  }
  u16(): number {
    return this.view.getUint16(this.at(2), true);
  }
  i16(): number {
    return this.view.getInt16(this.at(2), true);
  }
  u32(): number {
    return this.view.getUint32(this.at(4), true);
  }
  i32(): number {
    return this.view.getInt32(this.at(4), true);
  }
  u64(): bigint {
    return this.view.getBigUint64(this.at(8), true);
  }
  i64(): bigint {
    return this.view.getBigInt64(this.at(8), true);
  }
  f32(): number {
    return this.view.getFloat32(this.at(4), true);
  }
  f64(): number {
    return this.view.getFloat64(this.at(8), true);
  }

  /** A view of the next `n` bytes (valid until the next `need`). */
  bytes(n: number): Uint8Array {
    const i = this.at(n);
    return this.buf.subarray(i, i + n);
  }
}
