/**
 * Tar fixture writer for tests and the demo: ustar headers, GNU long names,
 * pax records, base-256 sizes, links, and hostile variants (contradicting pax
 * sizes, bad checksums, data after the end-of-archive marker).
 */
import { ByteWriter } from './zip-writer.js';

/** One member to write. */
export interface TarWriterEntry {
  name: string;
  data?: Uint8Array;
  /** Type flag: '0' file (default), '1' hard link, '2' symlink, '3' char device, '5' directory, '6' FIFO. */
  type?: string;
  linkname?: string;
  /** How a name over 100 bytes is stored: GNU `././@LongLink` (default), a pax `path`, or the ustar prefix field. */
  longName?: 'gnu' | 'pax' | 'prefix';
  /** Extra pax records written in an `x` header before this member. */
  pax?: Record<string, string>;
  /** Size written in the header instead of the data length (the data is written as is). */
  sizeField?: number;
  /** Write the size field in base-256 (as GNU tar does past 8 GiB). */
  base256?: boolean;
  /** Checksum written instead of the correct one. */
  checksum?: number;
}

/** Archive-level options. */
export interface TarWriterOptions {
  /** Pax records of a global `g` header written first. */
  globalPax?: Record<string, string>;
  /** Bytes written after the end-of-archive blocks. */
  trailing?: Uint8Array;
  /** Leave out the two zero blocks that end the archive. */
  noEnd?: boolean;
}

/** Build a tar archive in memory. */
export function writeTar(entries: readonly TarWriterEntry[], options: TarWriterOptions = {}): Uint8Array {
  const w = new ByteWriter();
  if (options.globalPax) writeMember(w, { name: 'pax_global_header', type: 'g', data: paxData(options.globalPax) });
  for (const entry of entries) {
    const nameBytes = new TextEncoder().encode(entry.name);
    const pax = { ...entry.pax };
    let name = entry.name;
    let prefix = '';
    if (nameBytes.length > 100) {
      const how = entry.longName ?? 'gnu';
      if (how === 'gnu') writeMember(w, { name: '././@LongLink', type: 'L', data: new TextEncoder().encode(`${entry.name}\0`) });
      else if (how === 'pax') pax.path = entry.name;
      else [prefix, name] = splitPrefix(entry.name);
      if (how !== 'prefix') name = entry.name.slice(0, 100);
    }
    if (Object.keys(pax).length > 0) writeMember(w, { name: `PaxHeader/${name.slice(0, 80)}`, type: 'x', data: paxData(pax) });
    writeMember(w, { ...entry, name }, prefix);
  }
  if (!options.noEnd) w.bytes(new Uint8Array(1024));
  if (options.trailing) w.bytes(options.trailing);
  return w.out();
}

/** Encode pax records; each record's length counts its own digits. */
export function paxData(records: Record<string, string>): Uint8Array {
  let text = '';
  for (const [key, value] of Object.entries(records)) {
    const body = ` ${key}=${value}\n`;
    const bodyLength = new TextEncoder().encode(body).length;
    let length = bodyLength + 1;
    while (String(length).length + bodyLength !== length) length = String(length).length + bodyLength;
    text += `${length}${body}`;
  }
  return new TextEncoder().encode(text);
}

function writeMember(w: ByteWriter, entry: TarWriterEntry, prefix = ''): void {
  const data = entry.data ?? new Uint8Array(0);
  w.bytes(header(entry, data.length, prefix));
  w.bytes(data);
  const pad = (512 - (data.length % 512)) % 512;
  w.bytes(new Uint8Array(pad));
}

function header(entry: TarWriterEntry, dataLength: number, prefix: string): Uint8Array {
  const h = new Uint8Array(512);
  const put = (at: number, len: number, text: string) => h.set(new TextEncoder().encode(text).subarray(0, len), at);
  put(0, 100, entry.name);
  put(100, 8, '0000644\0');
  put(108, 8, '0000000\0');
  put(116, 8, '0000000\0');
  const size = entry.sizeField ?? dataLength;
  if (entry.base256) {
    h[124] = 0x80;
    for (let i = 135, v = size; i > 124; i--, v = Math.floor(v / 256)) h[i] = v % 256;
  } else put(124, 12, `${size.toString(8).padStart(11, '0')}\0`);
  put(136, 12, '00000000000\0');
  put(156, 1, entry.type ?? '0');
  put(157, 100, entry.linkname ?? '');
  put(257, 8, 'ustar\x0000');
  put(265, 32, 'user');
  put(297, 32, 'group');
  put(345, 155, prefix);
  h.fill(0x20, 148, 156);
  const sum = entry.checksum ?? h.reduce((a, b) => a + b, 0);
  put(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

function splitPrefix(name: string): [string, string] {
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
    if (i <= 155 && name.length - i - 1 <= 100) return [name.slice(0, i), name.slice(i + 1)];
  }
  return ['', name];
}
