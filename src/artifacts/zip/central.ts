/**
 * Central directory parsing with bounds checks on every field. Entries are
 * read by the directory's size, as Python zipfile does, and the count is
 * compared with the end record, which is what miniz (torch.load) trusts.
 */
import { crc32 } from 'node:zlib';
import type { Finding } from '../../core/findings.js';
import type { ByteSource } from '../io/byte-source.js';
import { SIG, hasSignature, latin1, printable, u16, u32, u64, utf8 } from './bytes.js';
import type { ZipDirectory } from './directory.js';
import { report } from './report.js';
import { ZIP_HEADER_MISMATCH, ZIP_MALFORMED } from './rules.js';

/** Largest central directory read into memory (about 800k entries). */
export const MAX_CENTRAL_BYTES = 64 * 1024 ** 2;
const FLAG_UTF8 = 0x800;

/** One central directory record, sizes and offsets resolved through ZIP64 fields. */
export interface CentralEntry {
  index: number;
  /** Offset of this record in the source. */
  recordOffset: number;
  nameBytes: Uint8Array;
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Absolute offset of the local header (prepended bytes already added). */
  localOffset: number;
  /** Sizes came from a ZIP64 extra field, so data descriptors use 8-byte sizes. */
  zip64: boolean;
  /** Name from an Info-ZIP Unicode Path extra field, when present; some extractors prefer it. */
  unicodePath?: string;
}

/** Entries and the problems met reading them. */
export interface CentralResult {
  entries: CentralEntry[];
  findings: Finding[];
}

/** Read every central directory record of `dir`. */
export async function readCentral(src: ByteSource, dir: ZipDirectory): Promise<CentralResult> {
  const findings: Finding[] = [];
  const size = Math.min(dir.cdSize, MAX_CENTRAL_BYTES);
  if (size < dir.cdSize) {
    findings.push(report(ZIP_MALFORMED, src.name, `central directory of ${dir.cdSize} bytes; only the first ${size} were read`, { severity: 'high', offset: dir.cdOffset }));
  }
  const cd = await src.read(dir.cdOffset, size);
  const entries: CentralEntry[] = [];
  let pos = 0;
  while (pos + 46 <= cd.length) {
    if (!hasSignature(cd, pos, SIG.central)) {
      findings.push(report(ZIP_MALFORMED, src.name, `central directory record ${entries.length} has a bad signature; the rest is unreadable`, { severity: 'high', offset: dir.cdOffset + pos }));
      break;
    }
    const length = 46 + u16(cd, pos + 28) + u16(cd, pos + 30) + u16(cd, pos + 32);
    if (pos + length > cd.length) {
      findings.push(report(ZIP_MALFORMED, src.name, `central directory record ${entries.length} runs past the directory`, { severity: 'high', offset: dir.cdOffset + pos }));
      break;
    }
    const parsed = parseRecord(cd.subarray(pos, pos + length), entries.length, dir.cdOffset + pos, dir.shift, src.name);
    findings.push(...parsed.findings);
    entries.push(parsed.entry);
    pos += length;
  }
  if (entries.length !== dir.declaredEntries) {
    findings.push(
      report(ZIP_HEADER_MISMATCH, src.name, `end record declares ${dir.declaredEntries} entries, the directory holds ${entries.length}: torch.load and Python zipfile list different members`, {
        offset: dir.endOffset,
      }),
    );
  }
  return { entries, findings };
}

function parseRecord(rec: Uint8Array, index: number, recordOffset: number, shift: number, file: string): { entry: CentralEntry; findings: Finding[] } {
  const findings: Finding[] = [];
  const flags = u16(rec, 8);
  const nameLen = u16(rec, 28);
  const nameBytes = rec.slice(46, 46 + nameLen);
  const name = flags & FLAG_UTF8 ? utf8(nameBytes) : latin1(nameBytes);
  const extra = rec.subarray(46 + nameLen, 46 + nameLen + u16(rec, 30));
  const sizes = { uncompressed: u32(rec, 24), compressed: u32(rec, 20), offset: u32(rec, 42) };
  const z64 = readZip64Extra(extra, sizes, u16(rec, 34) === 0xffff);
  if (z64.missing) {
    findings.push(report(ZIP_MALFORMED, file, `entry ${printable(name)} lacks the ZIP64 sizes its record points to`, { severity: 'high', offset: recordOffset }));
  }
  const unicodePath = readUnicodePath(extra, nameBytes);
  return {
    entry: {
      index,
      recordOffset,
      nameBytes,
      name,
      flags,
      method: u16(rec, 10),
      crc: u32(rec, 16),
      compressedSize: z64.compressed,
      uncompressedSize: z64.uncompressed,
      localOffset: z64.offset + shift,
      zip64: z64.present,
      ...(unicodePath !== undefined ? { unicodePath } : {}),
    },
    findings,
  };
}

interface Sizes {
  uncompressed: number;
  compressed: number;
  offset: number;
}

/** Resolve saturated 32-bit fields from a ZIP64 extra field (APPNOTE 4.5.3: only saturated fields are present, in fixed order). */
export function readZip64Extra(extra: Uint8Array, sizes: Sizes, diskSaturated: boolean): Sizes & { present: boolean; missing: boolean } {
  const out = { ...sizes, present: false, missing: false };
  const field = findExtra(extra, 0x0001);
  const wanted: (keyof Sizes)[] = (['uncompressed', 'compressed', 'offset'] as const).filter((k) => sizes[k] === 0xffffffff);
  if (!field) {
    out.missing = wanted.length > 0;
    return out;
  }
  out.present = true;
  let at = 0;
  for (const key of wanted) {
    if (at + 8 > field.length) {
      out.missing = true;
      out[key] = Number.POSITIVE_INFINITY;
      continue;
    }
    out[key] = u64(field, at);
    at += 8;
  }
  if (diskSaturated && at + 4 > field.length) out.missing = true;
  return out;
}

/** The data of the first extra field with `id`, or undefined. */
export function findExtra(extra: Uint8Array, id: number): Uint8Array | undefined {
  let pos = 0;
  while (pos + 4 <= extra.length) {
    const len = u16(extra, pos + 2);
    if (u16(extra, pos) === id) return extra.subarray(pos + 4, Math.min(extra.length, pos + 4 + len));
    pos += 4 + len;
  }
  return undefined;
}

// Info-ZIP Unicode Path (0x7075): version 1, CRC of the header name, UTF-8 name.
function readUnicodePath(extra: Uint8Array, nameBytes: Uint8Array): string | undefined {
  const field = findExtra(extra, 0x7075);
  if (!field || field.length < 5 || field[0] !== 1) return undefined;
  if (u32(field, 1) !== crc32(nameBytes)) return undefined;
  return utf8(field.subarray(5));
}
