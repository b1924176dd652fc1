/**
 * The gzip scan (also joblib `ZF` and bare zlib streams): inflate every
 * member within the member limit, the scan budget and the archive's own
 * expansion cap, check trailers, then scan the concatenated content (what
 * gzip.open yields) once, named `outer.gz!<name without .gz>`.
 */
import { crc32 } from 'node:zlib';
import type { Finding } from '../../core/findings.js';
import { bufferSource, type ByteSource } from '../io/byte-source.js';
import type { ScanContext } from '../scanner.js';
import { SCAN_TIMEOUT } from '../scan-rules.js';
import { u32 } from '../zip/bytes.js';
import { archiveExpansionCap, exhaustExpansion, planExpansion } from '../zip/expansion.js';
import { inflateBounded, type InflateResult } from '../zip/inflate.js';
import { routeMember } from '../zip/nested.js';
import { report } from '../zip/report.js';
import { readGzipHeader } from './header.js';
import { GZIP_BOMB, GZIP_CRC_MISMATCH, GZIP_MALFORMED, GZIP_TRUNCATED } from './rules.js';
import { parseZfileHeader, sniffCompressedStream } from './zfile.js';

/** Most gzip members read from one file (each costs a header and a trailer). */
const MAX_MEMBERS = 10_000;

interface Content {
  chunks: Uint8Array[];
  total: number;
  /** Bytes the archive may still inflate before it is provably a bomb. */
  left: number;
  name?: string;
  findings: Finding[];
}

/** Scan a gzip, joblib `ZF` or zlib file and its inflated content. */
export async function scanCompressedStream(src: ByteSource, ctx: ScanContext): Promise<Finding[]> {
  const head = await src.read(0, 64);
  const content: Content = { chunks: [], total: 0, left: archiveExpansionCap(src.size), findings: [] };
  const kind = sniffCompressedStream(head);
  if (kind === 'joblib-zfile' || kind === 'zlib') await readZlib(src, ctx, head, content);
  else await readGzipMembers(src, ctx, content);
  if (content.total > 0) {
    const data = content.chunks.length === 1 && content.chunks[0] ? content.chunks[0] : Buffer.concat(content.chunks, content.total);
    const inner = bufferSource(`${src.name}!${innerName(src.name, content.name)}`, data);
    content.findings.push(...(await routeMember(ctx, inner, false)).findings);
  }
  return content.findings;
}

async function readGzipMembers(src: ByteSource, ctx: ScanContext, content: Content): Promise<void> {
  let pos = 0;
  for (let member = 0; pos < src.size && member < MAX_MEMBERS; member++) {
    const header = await readGzipHeader(src, pos);
    if (!header.ok) {
      if (member === 0 || !(await allZero(src, pos))) reportBadHeader(src, pos, member, header.reason, content);
      return;
    }
    if (header.reservedFlags) content.findings.push(report(GZIP_MALFORMED, src.name, 'reserved header flags are set; zlib refuses the member, Python reads it', { offset: pos }));
    if (member === 0 && header.name !== undefined) content.name = header.name;
    const start = pos + header.length;
    const res = await inflateStep(src, ctx, start, src.size - start, 'raw', undefined, content);
    if (!res || res.status !== 'ok') return;
    const trailer = await src.read(start + res.consumed, 8);
    if (trailer.length < 8) {
      content.findings.push(report(GZIP_TRUNCATED, src.name, `member ${member} lacks its CRC and size trailer`, { offset: start + res.consumed }));
      return;
    }
    if (u32(trailer, 0) !== crc32(res.data)) {
      content.findings.push(report(GZIP_CRC_MISMATCH, src.name, `CRC of member ${member} does not match its content`, { offset: start + res.consumed }));
    }
    if (u32(trailer, 4) !== res.data.length % 0x1_0000_0000) {
      content.findings.push(report(GZIP_MALFORMED, src.name, `size trailer of member ${member} disagrees with its content`, { offset: start + res.consumed + 4 }));
    }
    pos = start + res.consumed + 8;
  }
}

function reportBadHeader(src: ByteSource, pos: number, member: number, reason: string, content: Content): void {
  if (reason === 'truncated') {
    content.findings.push(report(GZIP_TRUNCATED, src.name, `member ${member} header is cut off`, { offset: pos }));
  } else {
    const message = member === 0 ? `not a readable gzip stream (${reason})` : `${src.size - pos} bytes of garbage after member ${member - 1}; Python's gzip raises on them`;
    content.findings.push(report(GZIP_MALFORMED, src.name, message, { offset: pos }));
  }
}

async function readZlib(src: ByteSource, ctx: ScanContext, head: Uint8Array, content: Content): Promise<void> {
  const zfile = parseZfileHeader(head);
  const start = zfile?.dataStart ?? 0;
  const res = await inflateStep(src, ctx, start, src.size - start, 'zlib', zfile?.declared, content);
  if (res?.status === 'ok' && zfile && res.data.length !== zfile.declared) {
    content.findings.push(report(GZIP_MALFORMED, src.name, `joblib header declares ${zfile.declared} bytes, the stream holds ${res.data.length}`, { offset: 2 }));
  }
}

// Plan, inflate and account for one deflate stream; undefined when refused.
async function inflateStep(
  src: ByteSource,
  ctx: ScanContext,
  start: number,
  length: number,
  format: 'raw' | 'zlib',
  declared: number | undefined,
  content: Content,
): Promise<InflateResult | undefined> {
  const memberRoom = Math.max(0, ctx.budget.maxMemberBytes - content.total);
  const plan = planExpansion({ ...ctx.budget, maxMemberBytes: memberRoom }, declared, length, content.left);
  if (plan.kind === 'refuse') {
    const message = plan.reason === 'budget' ? "not inflated: the scan's expansion budget is spent" : `stream ${plan.message}`;
    content.findings.push(report(GZIP_BOMB, src.name, message, { severity: plan.reason === 'bomb' ? 'high' : 'medium', offset: start }));
    if (plan.reason === 'bomb') exhaustExpansion(ctx.budget);
    return undefined;
  }
  const res = await inflateBounded(src, start, length, { format, limit: plan.limit, deadline: ctx.budget.deadline });
  ctx.budget.expandedBytes += res.data.length;
  content.left -= res.data.length;
  content.chunks.push(res.data);
  content.total += res.data.length;
  if (res.status === 'limit') {
    content.findings.push(report(GZIP_BOMB, src.name, `content inflates beyond ${content.total} bytes; stopped there`, { offset: start }));
    exhaustExpansion(ctx.budget);
  } else if (res.status === 'truncated') {
    content.findings.push(report(GZIP_TRUNCATED, src.name, `compressed data ends early, after ${res.data.length} inflated bytes`, { offset: start }));
  } else if (res.status === 'corrupt') {
    content.findings.push(report(GZIP_MALFORMED, src.name, `corrupt deflate data after ${res.data.length} inflated bytes (${res.detail ?? ''})`, { offset: start }));
  } else if (res.status === 'deadline') {
    content.findings.push(report(SCAN_TIMEOUT, src.name, 'inflation stopped at the scan deadline', { offset: start }));
  }
  return res;
}

async function allZero(src: ByteSource, from: number): Promise<boolean> {
  // Zero padding after the last member is accepted by gzip readers; look at a bounded tail only.
  const rest = await src.read(from, Math.min(src.size - from, 1024 * 1024));
  return rest.length === src.size - from && rest.every((b) => b === 0);
}

/** Name of the inflated content: the outer name without `.gz` (`.tgz` → `.tar`), else the header's name. */
export function innerName(outer: string, headerName: string | undefined): string {
  const base = outer.slice(Math.max(outer.lastIndexOf('!'), outer.lastIndexOf('/')) + 1);
  if (/\.tgz$/i.test(base)) return base.replace(/\.tgz$/i, '.tar');
  if (/\.(gz|gzip|z)$/i.test(base)) return base.replace(/\.(gz|gzip|z)$/i, '');
  const fromHeader = headerName?.split(/[\\/]/).pop();
  return fromHeader || `${base}.content`;
}
