/**
 * Local file headers and data descriptors, checked against the central
 * directory. Loaders take sizes from the central record but names and flags
 * also from the local one; streaming readers use only the local one. Any
 * disagreement lets two readers see different members, so it is reported.
 */
import type { Finding } from '../../core/findings.js';
import type { ByteSource } from '../io/byte-source.js';
import { SIG, hasSignature, latin1, printable, u16, u32, u64 } from './bytes.js';
import type { CentralEntry } from './central.js';
import { findExtra } from './central.js';
import { report } from './report.js';
import { ZIP_HEADER_MISMATCH, ZIP_MALFORMED } from './rules.js';

/** General-purpose flag bits that change how a member is read. */
export const FLAG = { encrypted: 0x1, descriptor: 0x8, strongEncryption: 0x40, utf8: 0x800, maskedHeaders: 0x2000 } as const;
const COMPARED_FLAGS = FLAG.encrypted | FLAG.descriptor | FLAG.strongEncryption | FLAG.utf8 | FLAG.maskedHeaders;

/** A parsed local file header. */
export interface LocalHeader {
  offset: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  nameBytes: Uint8Array;
  name: string;
  dataStart: number;
  zip64: boolean;
}

/** Parse the local header at `offset`, or undefined when there is none. */
export async function readLocalHeader(src: ByteSource, offset: number): Promise<LocalHeader | undefined> {
  if (!Number.isFinite(offset) || offset < 0 || offset + 30 > src.size) return undefined;
  const fixed = await src.read(offset, 30);
  if (!hasSignature(fixed, 0, SIG.local)) return undefined;
  const nameLen = u16(fixed, 26);
  const extraLen = u16(fixed, 28);
  const rest = await src.read(offset + 30, nameLen + extraLen);
  const nameBytes = rest.slice(0, nameLen);
  let compressedSize = u32(fixed, 18);
  let uncompressedSize = u32(fixed, 22);
  const z64 = findExtra(rest.subarray(nameLen), 0x0001);
  if (z64 && (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)) {
    // APPNOTE 4.5.3 puts both sizes in a local ZIP64 field; tolerate writers that store only the saturated one.
    const both = z64.length >= 16;
    const usize = uncompressedSize === 0xffffffff;
    if (usize) uncompressedSize = z64.length >= 8 ? u64(z64, 0) : Number.POSITIVE_INFINITY;
    const at = both || usize ? 8 : 0;
    if (compressedSize === 0xffffffff) compressedSize = z64.length >= at + 8 ? u64(z64, at) : Number.POSITIVE_INFINITY;
  }
  return {
    offset,
    flags: u16(fixed, 6),
    method: u16(fixed, 8),
    crc: u32(fixed, 14),
    compressedSize,
    uncompressedSize,
    nameBytes,
    name: latin1(nameBytes),
    dataStart: offset + 30 + nameLen + extraLen,
    zip64: z64 !== undefined,
  };
}

/** Where a central entry's data lies once its local header is read. */
export interface EntryPlacement {
  local: LocalHeader;
  dataStart: number;
  /** End of the member's bytes, data descriptor included. */
  end: number;
}

/** Read and cross-check the local header (and data descriptor) of `entry`. */
export async function placeEntry(src: ByteSource, entry: CentralEntry, findings: Finding[]): Promise<EntryPlacement | undefined> {
  const local = await readLocalHeader(src, entry.localOffset);
  if (!local) {
    const message = `no local header at offset ${entry.localOffset} for ${printable(entry.name)}: the member cannot be read`;
    findings.push(report(ZIP_MALFORMED, src.name, message, { severity: 'high', offset: entry.recordOffset }));
    return undefined;
  }
  const diffs = compareHeaders(entry, local);
  const dataEnd = local.dataStart + entry.compressedSize;
  let end = dataEnd;
  if (entry.flags & FLAG.descriptor && dataEnd <= src.size) {
    const desc = await readDescriptor(src, dataEnd, entry);
    end += desc.length;
    diffs.push(...desc.diffs);
  }
  if (diffs.length > 0) {
    const message = `central and local records of ${printable(entry.name)} disagree (${diffs.join('; ')})`;
    findings.push(report(ZIP_HEADER_MISMATCH, src.name, message, { offset: entry.localOffset, evidence: diffs[0] }));
  }
  return { local, dataStart: local.dataStart, end };
}

function compareHeaders(entry: CentralEntry, local: LocalHeader): string[] {
  const diffs: string[] = [];
  if (!sameBytes(entry.nameBytes, local.nameBytes)) diffs.push(`name ${printable(entry.name, 60)} vs ${printable(local.name, 60)}`);
  if ((entry.flags & COMPARED_FLAGS) !== (local.flags & COMPARED_FLAGS)) diffs.push(`flags 0x${entry.flags.toString(16)} vs 0x${local.flags.toString(16)}`);
  if (entry.method !== local.method) diffs.push(`method ${entry.method} vs ${local.method}`);
  // With a data descriptor the local CRC and sizes are legitimately zero.
  const deferred = (local.flags & FLAG.descriptor) !== 0;
  const check = (what: string, central: number, loc: number) => {
    if (central !== loc && !(deferred && loc === 0)) diffs.push(`${what} ${central} vs ${loc}`);
  };
  check('crc', entry.crc, local.crc);
  check('compressed size', entry.compressedSize, local.compressedSize);
  check('size', entry.uncompressedSize, local.uncompressedSize);
  return diffs;
}

// The descriptor after the data: optional signature, CRC, then 4- or 8-byte sizes.
async function readDescriptor(src: ByteSource, at: number, entry: CentralEntry): Promise<{ length: number; diffs: string[] }> {
  const b = await src.read(at, 28);
  const sig = hasSignature(b, 0, SIG.descriptor) ? 4 : 0;
  const widths = entry.zip64 ? [8, 4] : [4, 8];
  for (const w of widths) {
    const read = w === 8 ? u64 : u32;
    const got = { crc: u32(b, sig), compressed: read(b, sig + 4), size: read(b, sig + 4 + w) };
    if (b.length >= sig + 4 + 2 * w && got.crc === entry.crc && got.compressed === entry.compressedSize && got.size === entry.uncompressedSize) {
      return { length: sig + 4 + 2 * w, diffs: [] };
    }
  }
  const w = widths[0] ?? 4;
  const length = Math.min(b.length, sig + 4 + 2 * w);
  return { length, diffs: [`data descriptor ${length < sig + 4 + 2 * w ? 'truncated' : 'values differ from the central record'}`] };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
