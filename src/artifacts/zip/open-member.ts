/**
 * Turn one member's bytes into a ByteSource: a zero-copy window for stored
 * members, a bounded inflation for deflate ones, with the CRC checked and
 * every expansion charged to the scan budget and the archive's own cap.
 */
import { crc32 } from 'node:zlib';
import type { Finding } from '../../core/findings.js';
import { bufferSource, sliceSource, type ByteSource } from '../io/byte-source.js';
import type { ScanContext } from '../scanner.js';
import { SCAN_TIMEOUT } from '../scan-rules.js';
import { printable } from './bytes.js';
import { crcOfWindow } from './crc.js';
import { HIGH_RATIO, HUGE_MEMBER, exhaustExpansion, planExpansion, remainingExpansion } from './expansion.js';
import { isPlainNpyHead } from '../numpy/header.js';
import { inflateBounded } from './inflate.js';
import { FLAG } from './local.js';
import { report } from './report.js';
import { ZIP_BOMB, ZIP_CRC_MISMATCH, ZIP_ENCRYPTED, ZIP_HEADER_MISMATCH, ZIP_MALFORMED, ZIP_UNSUPPORTED_METHOD } from './rules.js';

/** Stored members up to this size get their CRC verified (bigger ones are tensor data in practice). */
const STORED_CRC_LIMIT = 256 * 1024 ** 2;
/** Bytes inflated from a too-large member to read its .npy header. */
const NPY_PEEK = 64 * 1024;
const METHOD_NAMES: Record<number, string> = { 9: 'deflate64', 12: 'bzip2', 14: 'lzma', 93: 'zstd', 95: 'xz', 96: 'jpeg', 97: 'wavpack', 98: 'ppmd' };

/** What is known about a member before its bytes are read. */
export interface MemberJob {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Undefined when no record states it (a hidden entry with a data descriptor). */
  uncompressedSize: number | undefined;
  dataStart: number;
  /** Verify the CRC (off for tensor storages: large, and torch may write none). */
  checkCrc: boolean;
  /** Offset reported on findings about this member. */
  offset: number;
}

/** Expansion state shared by the members of one archive. */
export interface ArchiveState {
  /** Bytes this archive may still inflate before it is provably a bomb. */
  left: number;
  /** Compressed members refused because the scan budget was already spent. */
  refused: number;
}

/** Bytes of one member, or only findings when they cannot be read. */
export interface OpenedMember {
  source?: ByteSource;
  findings: Finding[];
}

/** Open the member described by `job` inside `src`. */
export async function openMember(src: ByteSource, ctx: ScanContext, job: MemberJob, state: ArchiveState): Promise<OpenedMember> {
  const findings: Finding[] = [];
  const shown = printable(job.name);
  if (job.method !== 0 && job.method !== 8) {
    const rule = job.method === 99 ? ZIP_ENCRYPTED : ZIP_UNSUPPORTED_METHOD;
    const what = job.method === 99 ? 'AES-encrypted' : `compressed with method ${job.method}${METHOD_NAMES[job.method] ? ` (${METHOD_NAMES[job.method]})` : ''}`;
    findings.push(report(rule, src.name, `${shown} is ${what}; its content was not inspected`, { offset: job.offset }));
    return { findings };
  }
  let length = job.compressedSize;
  if (!Number.isFinite(length) || job.dataStart + length > src.size) {
    findings.push(report(ZIP_MALFORMED, src.name, `data of ${shown} runs past the end of the file`, { severity: 'high', offset: job.offset }));
    length = Math.max(0, src.size - job.dataStart);
  }
  const memberName = `${src.name}!${job.name}`;
  if (job.method === 0) return openStored(src, ctx, job, length, memberName, findings);
  return openDeflated(src, ctx, job, length, memberName, state, findings);
}

async function openStored(src: ByteSource, ctx: ScanContext, job: MemberJob, length: number, memberName: string, findings: Finding[]): Promise<OpenedMember> {
  if (job.uncompressedSize !== undefined && job.uncompressedSize !== job.compressedSize) {
    const message = `stored member ${printable(job.name)} declares ${job.uncompressedSize} bytes but stores ${job.compressedSize}`;
    findings.push(report(ZIP_HEADER_MISMATCH, src.name, message, { offset: job.offset }));
  }
  if (job.checkCrc && length <= STORED_CRC_LIMIT && !(job.flags & FLAG.encrypted)) {
    const crc = await crcOfWindow(src, job.dataStart, length, ctx.budget.deadline);
    if (crc !== undefined) checkCrc(src.name, job, crc, findings);
  }
  return { source: sliceSource(src, job.dataStart, length, memberName), findings };
}

async function openDeflated(
  src: ByteSource,
  ctx: ScanContext,
  job: MemberJob,
  length: number,
  memberName: string,
  state: ArchiveState,
  findings: Finding[],
): Promise<OpenedMember> {
  const shown = printable(job.name);
  const plan = planExpansion(ctx.budget, job.uncompressedSize, length, state.left);
  if (plan.kind === 'refuse') {
    if (plan.reason === 'budget') state.refused++;
    else if (plan.reason === 'bomb' || !(await plainArrayHead(src, ctx, job, length))) {
      bomb(src.name, `${shown} ${plan.message}`, plan.reason === 'bomb', job.offset, ctx, findings);
    }
    return { findings };
  }
  const declared = job.uncompressedSize;
  if (declared !== undefined && declared >= HUGE_MEMBER && declared / Math.max(1, length) >= HIGH_RATIO) {
    findings.push(report(ZIP_BOMB, src.name, `${shown} expands ${declared} bytes from ${length}: extreme ratio on a huge member`, { severity: 'medium', offset: job.offset }));
  }
  const res = await inflateBounded(src, job.dataStart, length, { format: 'raw', limit: plan.limit, deadline: ctx.budget.deadline });
  ctx.budget.expandedBytes += res.data.length;
  state.left -= res.data.length;
  const encrypted = (job.flags & FLAG.encrypted) !== 0;
  if (res.status === 'limit') {
    const why = declared !== undefined ? `inflates beyond its declared ${declared} bytes` : `inflates beyond ${plan.limit} bytes`;
    bomb(src.name, `${shown} ${why}`, true, job.offset, ctx, findings);
  } else if (res.status === 'deadline') {
    findings.push(report(SCAN_TIMEOUT, src.name, `inflating ${shown} stopped at the scan deadline`, { offset: job.offset }));
  } else if (res.status !== 'ok') {
    if (!encrypted) findings.push(report(ZIP_MALFORMED, src.name, `deflate data of ${shown} is ${res.status} after ${res.data.length} bytes (${res.detail ?? ''})`, { offset: job.offset }));
  } else {
    if (declared !== undefined && res.data.length !== declared) {
      findings.push(report(ZIP_HEADER_MISMATCH, src.name, `${shown} declares ${declared} bytes but inflates to ${res.data.length}`, { offset: job.offset }));
    }
    if (job.checkCrc && !encrypted) checkCrc(src.name, job, crc32(res.data), findings);
  }
  if (encrypted && res.status !== 'ok') return { findings };
  return { source: bufferSource(memberName, res.data), findings };
}

// A large compressed .npz array: its header says whether the uninspected rest could matter.
async function plainArrayHead(src: ByteSource, ctx: ScanContext, job: MemberJob, length: number): Promise<boolean> {
  if (remainingExpansion(ctx.budget) < NPY_PEEK) return false;
  const head = await inflateBounded(src, job.dataStart, length, { format: 'raw', limit: NPY_PEEK, deadline: ctx.budget.deadline });
  ctx.budget.expandedBytes += head.data.length;
  return isPlainNpyHead(head.data);
}

function bomb(file: string, message: string, proven: boolean, offset: number, ctx: ScanContext, findings: Finding[]): void {
  findings.push(report(ZIP_BOMB, file, message, { severity: proven ? 'high' : 'medium', offset }));
  // A proven bomb means a hostile archive: stop inflating anything else in this scan.
  if (proven) exhaustExpansion(ctx.budget);
}

function checkCrc(file: string, job: MemberJob, actual: number, findings: Finding[]): void {
  // torch.save with CRC computation off writes 0; nothing can be hidden by that.
  if (actual === job.crc || job.crc === 0) return;
  const message = `CRC of ${printable(job.name)} is ${hex(actual)}, the record says ${hex(job.crc)}`;
  findings.push(report(ZIP_CRC_MISMATCH, file, message, { offset: job.offset }));
}

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
