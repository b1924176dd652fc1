/**
 * The zip scan: locate the directory, read and cross-check every record, look
 * at how members sit in the file, then open each member and hand it back to
 * the dispatcher. Member data is read as the central directory says, which
 * is what Python zipfile and torch.load (miniz) do.
 */
import type { Finding } from '../../core/findings.js';
import { sliceSource, type ByteSource } from '../io/byte-source.js';
import type { ScanContext } from '../scanner.js';
import { SCAN_TIMEOUT } from '../scan-rules.js';
import { analyseTorchZip, checkTorchPickle, isTorchStorage, type TorchZipLayout } from '../torch/zip-layout.js';
import { SIG, hasSignature, printable } from './bytes.js';
import { readCentral, type CentralEntry } from './central.js';
import { checkNames } from './check-names.js';
import { locateDirectory, type ZipDirectory } from './directory.js';
import { archiveExpansionCap, pastDeadline } from './expansion.js';
import { findGaps, findLocalSignatures, findOverlaps, type Span } from './layout.js';
import { FLAG, placeEntry, type EntryPlacement } from './local.js';
import { scanLocalEntries } from './local-entries.js';
import { routeMember } from './nested.js';
import { openMember, type ArchiveState } from './open-member.js';
import { capFindings, report } from './report.js';
import { ZIP_BUDGET_EXHAUSTED, ZIP_ENCRYPTED, ZIP_MALFORMED, ZIP_OVERLAP, ZIP_PREPENDED_DATA } from './rules.js';

/** Bytes of gaps searched for hidden local headers per archive. */
const GAP_SEARCH_LIMIT = 64 * 1024 ** 2;

/** Scan a zip archive (including torch saves and .npz) and every member in it. */
export async function scanZipArchive(src: ByteSource, ctx: ScanContext): Promise<Finding[]> {
  const located = await locateDirectory(src);
  const head = await src.read(0, 4);
  const startsAsZip = hasSignature(head, 0, SIG.local) || hasSignature(head, 0, SIG.end);
  // Detection also accepts an end-record signature anywhere in the tail; in tensor bytes that is chance, and
  // when no directory validates no zip reader opens the file either, so there is nothing to report.
  if (!located.dir && !startsAsZip) return [];
  const findings = [...located.findings];
  const state: ArchiveState = { left: archiveExpansionCap(src.size), refused: 0 };
  if (located.dir) {
    findings.push(...(await scanWithDirectory(src, ctx, located.dir, state)));
  } else if (hasSignature(head, 0, SIG.local)) {
    // No directory: loaders refuse the file, but streaming readers still see the local entries.
    const offsets = await findLocalSignatures(src, { start: 0, end: src.size }, GAP_SEARCH_LIMIT);
    findings.push(...(await scanLocalEntries(src, ctx, offsets, { start: 0, end: src.size }, state, false)));
  }
  if (state.refused > 0) {
    findings.push(report(ZIP_BUDGET_EXHAUSTED, src.name, `${state.refused} compressed members were not inflated: the scan's expansion budget is spent`));
  }
  return capFindings(findings, src.name);
}

async function scanWithDirectory(src: ByteSource, ctx: ScanContext, dir: ZipDirectory, state: ArchiveState): Promise<Finding[]> {
  const central = await readCentral(src, dir);
  const findings = [...central.findings, ...checkNames(src.name, central.entries)];
  const layout = analyseTorchZip(src.name, central.entries.map((e) => e.name));
  findings.push(...layout.findings);
  const placed: (EntryPlacement | undefined)[] = [];
  for (const entry of central.entries) {
    if (pastDeadline(ctx.budget)) {
      findings.push(report(SCAN_TIMEOUT, src.name, 'scan deadline passed while reading the local headers; members not scanned'));
      return findings;
    }
    placed.push(await placeEntry(src, entry, findings));
  }
  findings.push(...(await checkLayout(src, ctx, dir, central.entries, placed, state)));
  for (const [i, entry] of central.entries.entries()) {
    if (pastDeadline(ctx.budget)) {
      findings.push(report(SCAN_TIMEOUT, src.name, `scan deadline passed; ${central.entries.length - i} members not scanned`));
      break;
    }
    const place = placed[i];
    if (place) findings.push(...(await scanEntry(src, ctx, entry, place, layout, state)));
  }
  return findings;
}

async function scanEntry(
  src: ByteSource,
  ctx: ScanContext,
  entry: CentralEntry,
  place: EntryPlacement,
  layout: TorchZipLayout,
  state: ArchiveState,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const encrypted = ((entry.flags | place.local.flags) & (FLAG.encrypted | FLAG.strongEncryption)) !== 0;
  if (encrypted && entry.method !== 99) {
    findings.push(report(ZIP_ENCRYPTED, src.name, `${printable(entry.name)} is flagged as encrypted; its content cannot be verified`, { offset: entry.localOffset }));
  }
  if (entry.compressedSize === 0 && entry.uncompressedSize === 0) return findings;
  const storage = isTorchStorage(layout, entry.name);
  const job = {
    name: entry.name,
    method: entry.method,
    flags: entry.flags | place.local.flags,
    crc: entry.crc,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    dataStart: place.dataStart,
    checkCrc: !storage,
    offset: entry.localOffset,
  };
  const opened = await openMember(src, ctx, job, state);
  findings.push(...opened.findings);
  if (!opened.source || opened.source.size === 0) return findings;
  const routed = await routeMember(ctx, opened.source, storage || encrypted);
  findings.push(...routed.findings);
  const misplaced = routed.format === 'pickle' ? checkTorchPickle(layout, src.name, entry.name) : undefined;
  if (misplaced) findings.push(misplaced);
  return findings;
}

// Overlaps, prepended bytes and gaps that may hide local entries.
async function checkLayout(
  src: ByteSource,
  ctx: ScanContext,
  dir: ZipDirectory,
  entries: readonly CentralEntry[],
  placed: readonly (EntryPlacement | undefined)[],
  state: ArchiveState,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const spans: Span[] = [
    { start: dir.cdOffset, end: dir.cdOffset + dir.cdSize, label: 'the central directory' },
    { start: dir.trailerStart, end: dir.endOffset + 22, label: 'the end records' },
  ];
  entries.forEach((e, i) => {
    const p = placed[i];
    if (p) spans.push({ start: e.localOffset, end: Math.min(p.end, src.size), label: printable(e.name, 80) });
  });
  const overlaps = findOverlaps(spans);
  if (overlaps.first) {
    const [a, b] = overlaps.first;
    const message = `${overlaps.count} records overlap others (first: ${b.label} starts inside ${a.label}); this is how overlapping-file zip bombs are built`;
    findings.push(report(ZIP_OVERLAP, src.name, message, { offset: b.start, evidence: `${a.label} / ${b.label}` }));
  }
  const gaps = findGaps(spans, 0, dir.trailerStart);
  let searchLeft = GAP_SEARCH_LIMIT;
  let unclaimed = 0;
  for (const gap of gaps) {
    if (gap.start === 0) findings.push(...(await checkPrefix(src, ctx, gap.end)));
    else unclaimed += gap.end - gap.start;
    const offsets = await findLocalSignatures(src, gap, searchLeft);
    searchLeft -= Math.min(searchLeft, gap.end - gap.start);
    findings.push(...(await scanLocalEntries(src, ctx, offsets, gap, state, true)));
  }
  if (unclaimed > 0) {
    findings.push(report(ZIP_MALFORMED, src.name, `${unclaimed} bytes between records belong to no member`, { severity: 'low' }));
  }
  return findings;
}

async function checkPrefix(src: ByteSource, ctx: ScanContext, length: number): Promise<Finding[]> {
  const findings = [report(ZIP_PREPENDED_DATA, src.name, `${length} bytes precede the first member; the file is readable as something else too`, { offset: 0 })];
  const prefix = await routeMember(ctx, sliceSource(src, 0, length, `${src.name}!<prepended>`), true);
  findings.push(...prefix.findings);
  return findings;
}
