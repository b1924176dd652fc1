/**
 * Random-access bytes that a scanner reads without loading whole files:
 * a file on disk, or a buffer (an archive member already inflated).
 */
import { open, type FileHandle } from 'node:fs/promises';

/** Bytes a scanner may read at any offset. */
export interface ByteSource {
  /** Display name; archive members use `outer!inner`. */
  readonly name: string;
  readonly size: number;
  /** Read up to `length` bytes at `offset`; shorter only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A ByteSource over an in-memory buffer. */
export function bufferSource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(Math.max(0, offset), Math.min(bytes.length, offset + Math.max(0, length))),
  };
}

/** A ByteSource over an open file; call `close()` when done. */
export interface FileByteSource extends ByteSource {
  close(): Promise<void>;
}

/** Open a file as a ByteSource. */
export async function fileSource(path: string, name: string = path): Promise<FileByteSource> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    name,
    size,
    async read(offset, length) {
      const start = Math.max(0, offset);
      const n = Math.max(0, Math.min(length, size - start));
      if (n === 0) return new Uint8Array(0);
      const buf = new Uint8Array(n);
      let got = 0;
      while (got < n) {
        const { bytesRead } = await handle.read(buf, got, n - got, start + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === n ? buf : buf.subarray(0, got);
    },
    close: () => handle.close(),
  };
}

/** Read a whole source into memory, refusing when it exceeds `limit` bytes. */
export async function readAll(src: ByteSource, limit: number): Promise<Uint8Array | undefined> {
  if (src.size > limit) return undefined;
  return src.read(0, src.size);
}

/** A window of another source (a stored archive member) without copying it. */
export function sliceSource(parent: ByteSource, offset: number, length: number, name: string): ByteSource {
  const start = Math.max(0, Math.min(offset, parent.size));
  const size = Math.max(0, Math.min(length, parent.size - start));
  return {
    name,
    size,
    read: (o, n) => {
      const from = Math.max(0, Math.min(o, size));
      return parent.read(start + from, Math.max(0, Math.min(n, size - from)));
    },
  };
}
