/**
 * A read window over an async ByteSource. The walker decodes synchronously
 * from `win` and asks for more only when an opcode crosses its end, so most
 * opcodes cost no await; payloads it skips are never read at all.
 */
import type { ByteSource } from '../io/byte-source.js';
import type { ByteWindow } from './decode.js';

const CHUNK = 1024 * 1024;

/** Buffered random access for the walker. */
export class Cursor {
  readonly win: ByteWindow;

  constructor(private readonly src: ByteSource) {
    this.win = { bytes: new Uint8Array(0), base: 0, size: src.size };
  }

  /** Make the window cover [from, to) (clipped to the source). */
  async fill(from: number, to: number): Promise<void> {
    const w = this.win;
    const end = Math.min(to, w.size);
    if (from >= w.base && end <= w.base + w.bytes.length) return;
    const length = Math.max(end - from, CHUNK);
    w.bytes = await this.src.read(from, Math.min(length, w.size - from));
    w.base = from;
  }

  /** Byte at an absolute offset, or undefined past the end. */
  async byteAt(at: number): Promise<number | undefined> {
    if (at >= this.win.size) return undefined;
    await this.fill(at, at + 1);
    return this.win.bytes[at - this.win.base];
  }

  /** Offset of the next `\n` at or after `from`, reading in chunks; -1 at end of source, -2 past `deadline`. */
  async findNewline(from: number, deadline = Number.POSITIVE_INFINITY): Promise<number> {
    for (let p = from; p < this.win.size; ) {
      if (Date.now() > deadline) return -2;
      await this.fill(p, p + CHUNK);
      const rel = p - this.win.base;
      const hit = this.win.bytes.subarray(rel).indexOf(0x0a);
      if (hit >= 0) return p + hit;
      const got = this.win.bytes.length - rel;
      if (got <= 0) return -1; // short read: treat as the end
      p += got;
    }
    return -1;
  }

  /** A copy of [from, to); callers keep this small. */
  async slice(from: number, to: number): Promise<Uint8Array> {
    await this.fill(from, to);
    return this.win.bytes.slice(from - this.win.base, to - this.win.base);
  }
}
