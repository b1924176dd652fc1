/**
 * Find the central directory the way loaders do: the last end-of-central-
 * directory record in the tail window (Python zipfile and miniz both search
 * backwards), the ZIP64 locator and record when present, and Python's
 * "concat" adjustment for bytes prepended to the archive.
 */
import type { Finding } from '../../core/findings.js';
import type { ByteSource } from '../io/byte-source.js';
import { SIG, hasSignature, u16, u32, u64 } from './bytes.js';
import { report } from './report.js';
import { ZIP_HEADER_MISMATCH, ZIP_MALFORMED } from './rules.js';

const EOCD_SIZE = 22;
const EOCD64_SIZE = 56;
const LOCATOR_SIZE = 20;
const TAIL_WINDOW = 0xffff + EOCD_SIZE;

/** Where the central directory is, in absolute offsets of the source. */
export interface ZipDirectory {
  /** Offset of the end record that was used. */
  endOffset: number;
  /** Start of the ZIP64 end record, or of the end record when there is none. */
  trailerStart: number;
  cdOffset: number;
  cdSize: number;
  /** Entry count the end record declares. */
  declaredEntries: number;
  /** Bytes before the archive proper (Python zipfile's `concat`); member offsets are shifted by this. */
  shift: number;
  zip64: boolean;
}

/** Located directory (when any) and what was odd about the trailer. */
export interface DirectoryResult {
  dir?: ZipDirectory;
  findings: Finding[];
}

/**
 * Locate and validate the end records of `src`. The last end record wins, as
 * in Python zipfile and miniz; when it is unusable (a fake one in the comment,
 * say) earlier ones are tried, so members a lenient reader loads are scanned.
 */
export async function locateDirectory(src: ByteSource): Promise<DirectoryResult> {
  const tailStart = Math.max(0, src.size - TAIL_WINDOW);
  const tail = await src.read(tailStart, src.size - tailStart);
  const candidates = endRecordCandidates(tail);
  if (candidates.length === 0) {
    return { findings: [report(ZIP_MALFORMED, src.name, 'no end-of-central-directory record: zip readers refuse this file', { severity: 'high' })] };
  }
  let firstFailure: Finding[] | undefined;
  for (const [rank, at] of candidates.slice(0, 16).entries()) {
    const result = await readEndRecord(src, tail.subarray(at, at + EOCD_SIZE), tailStart + at);
    if (!result.dir) {
      firstFailure ??= result.findings;
      continue;
    }
    if (rank > 0) {
      const message = 'the last end-of-central-directory record is unusable; an earlier one describes the archive, so readers disagree';
      result.findings.unshift(report(ZIP_HEADER_MISMATCH, src.name, message, { offset: tailStart + at }));
    } else {
      // An earlier record whose comment reaches exactly to the end of the file is what a reader validating comment lengths picks.
      const rival = candidates.slice(1).find((i) => i + EOCD_SIZE + u16(tail, i + 20) === tail.length);
      if (rival !== undefined) {
        const message = 'two end-of-central-directory records are plausible; readers that pick the other one list different members';
        result.findings.unshift(report(ZIP_HEADER_MISMATCH, src.name, message, { offset: tailStart + rival }));
      }
    }
    return result;
  }
  return { findings: firstFailure ?? [] };
}

async function readEndRecord(src: ByteSource, rec: Uint8Array, endOffset: number): Promise<DirectoryResult> {
  const findings: Finding[] = [];
  if (u16(rec, 4) !== 0 || u16(rec, 6) !== 0) {
    findings.push(report(ZIP_MALFORMED, src.name, 'multi-disk archive: zip readers refuse spanned archives', { offset: endOffset }));
  }
  const base = { count: u16(rec, 10), cdSize: u32(rec, 12), cdOffset: u32(rec, 16) };
  if (u16(rec, 8) !== base.count) {
    findings.push(report(ZIP_HEADER_MISMATCH, src.name, 'end record disagrees with itself on the entry count', { offset: endOffset }));
  }
  const z64 = await readZip64(src, endOffset, findings);
  const saturated = base.count === 0xffff || base.cdSize === 0xffffffff || base.cdOffset === 0xffffffff;
  if (saturated && !z64) {
    findings.push(report(ZIP_MALFORMED, src.name, 'end record points to ZIP64 fields that are missing', { severity: 'high', offset: endOffset }));
    return { findings };
  }
  const fields = z64 ?? { ...base, at: endOffset };
  const raw = { endOffset, trailerStart: fields.at, count: fields.count, cdSize: fields.cdSize, cdOffset: fields.cdOffset, zip64: !!z64 };
  return placeDirectory(src, raw, findings);
}

// Offsets in `tail` where a complete end record could start, last first (the one loaders use).
function endRecordCandidates(tail: Uint8Array): number[] {
  const found: number[] = [];
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (hasSignature(tail, i, SIG.end)) found.push(i);
  }
  return found;
}

interface Zip64Fields {
  at: number;
  count: number;
  cdSize: number;
  cdOffset: number;
}

async function readZip64(src: ByteSource, endOffset: number, findings: Finding[]): Promise<Zip64Fields | undefined> {
  const locAt = endOffset - LOCATOR_SIZE;
  if (locAt < 0) return undefined;
  const loc = await src.read(locAt, LOCATOR_SIZE);
  if (!hasSignature(loc, 0, SIG.end64Locator)) return undefined;
  const pointed = u64(loc, 8);
  const adjacent = locAt - EOCD64_SIZE;
  // miniz follows the locator; Python zipfile assumes the record sits right before it.
  const at = (await isEnd64(src, pointed)) ? pointed : (await isEnd64(src, adjacent)) ? adjacent : undefined;
  if (at === undefined) {
    findings.push(report(ZIP_MALFORMED, src.name, 'ZIP64 locator points to no ZIP64 end record', { severity: 'high', offset: locAt }));
    return undefined;
  }
  if (at !== adjacent && pointed !== adjacent) {
    findings.push(report(ZIP_HEADER_MISMATCH, src.name, 'ZIP64 end record is not where Python zipfile looks for it', { offset: at }));
  }
  const rec = await src.read(at, EOCD64_SIZE);
  if (u32(rec, 16) !== 0 || u32(rec, 20) !== 0) {
    findings.push(report(ZIP_MALFORMED, src.name, 'multi-disk ZIP64 archive: zip readers refuse spanned archives', { offset: at }));
  }
  return { at, count: u64(rec, 32), cdSize: u64(rec, 40), cdOffset: u64(rec, 48) };
}

async function isEnd64(src: ByteSource, at: number): Promise<boolean> {
  if (!Number.isFinite(at) || at < 0 || at + EOCD64_SIZE > src.size) return false;
  return hasSignature(await src.read(at, 4), 0, SIG.end64);
}

interface RawDirectory {
  endOffset: number;
  trailerStart: number;
  count: number;
  cdSize: number;
  cdOffset: number;
  zip64: boolean;
}

// Resolve prepended bytes (Python's concat) and check the directory fits.
async function placeDirectory(src: ByteSource, raw: RawDirectory, findings: Finding[]): Promise<DirectoryResult> {
  const { trailerStart, cdSize, cdOffset } = raw;
  if (!Number.isFinite(cdSize) || !Number.isFinite(cdOffset) || cdSize > trailerStart) {
    findings.push(report(ZIP_MALFORMED, src.name, 'central directory size or offset lies outside the file', { severity: 'high', offset: raw.endOffset }));
    return { findings };
  }
  let shift = trailerStart - cdSize - cdOffset;
  if (shift < 0) {
    findings.push(report(ZIP_MALFORMED, src.name, 'central directory overruns the end record', { severity: 'high', offset: raw.endOffset }));
    return { findings };
  }
  if (shift > 0 && !(await centralAt(src, cdOffset + shift, cdSize)) && (await centralAt(src, cdOffset, cdSize))) {
    // miniz (torch.load) reads the directory at its stated offset; Python zipfile would fail.
    findings.push(report(ZIP_MALFORMED, src.name, `${shift} unaccounted bytes between the central directory and the end record`, { offset: cdOffset + cdSize }));
    shift = 0;
  }
  if (!(await centralAt(src, cdOffset + shift, cdSize))) {
    findings.push(report(ZIP_MALFORMED, src.name, 'no central directory where the end record points', { severity: 'high', offset: raw.endOffset }));
    return { findings };
  }
  const minEntry = 46;
  if (raw.count * minEntry > cdSize || raw.count * 30 > src.size) {
    findings.push(report(ZIP_MALFORMED, src.name, `end record claims ${raw.count} entries, impossible for a ${cdSize}-byte directory`, { offset: raw.endOffset }));
  }
  const dir: ZipDirectory = { endOffset: raw.endOffset, trailerStart, cdOffset: cdOffset + shift, cdSize, declaredEntries: raw.count, shift, zip64: raw.zip64 };
  return { dir, findings };
}

async function centralAt(src: ByteSource, at: number, cdSize: number): Promise<boolean> {
  if (cdSize === 0) return true;
  return hasSignature(await src.read(at, 4), 0, SIG.central);
}
