/**
 * Walk the members of a tar archive the way Python's tarfile does (pax and
 * GNU long names applied to the next header, pax `size` overriding the header),
 * reporting every structural oddity instead of failing. Members after the
 * end-of-archive marker are still walked, as `tar --ignore-zeros` would.
 */
import type { Finding } from '../../core/findings.js';
import type { ByteSource } from '../io/byte-source.js';
import { printable } from '../zip/bytes.js';
import { report } from '../zip/report.js';
import { BLOCK, isZeroBlock, parseTarHeader } from './header.js';
import { gnuLongName, parsePax } from './pax.js';
import { TAR_HEADER_MISMATCH, TAR_MALFORMED, TAR_TRAILING_DATA } from './rules.js';
import { SCAN_TIMEOUT } from '../scan-rules.js';

const META_TYPES = new Set(['x', 'g', 'L', 'K']);
/** Largest pax or GNU long-name block read into memory. */
const MAX_META_BYTES = 1024 * 1024;

/** One member as tarfile would present it. */
export interface TarMember {
  name: string;
  linkname: string;
  typeflag: string;
  size: number;
  headerOffset: number;
  dataOffset: number;
}

interface Pending {
  pax?: Map<string, string>;
  longName?: string;
  longLink?: string;
}

/** Iterate the members of `src` until `deadline`, pushing structural findings into `findings`. */
export async function* readTarMembers(src: ByteSource, findings: Finding[], deadline: number): AsyncGenerator<TarMember> {
  const globals = new Map<string, string>();
  let pending: Pending = {};
  let ended = false;
  for (let pos = 0; pos + BLOCK <= src.size; ) {
    if (Date.now() > deadline) {
      findings.push(report(SCAN_TIMEOUT, src.name, `scan deadline passed at offset ${pos}; the rest was not read`, { offset: pos }));
      return;
    }
    const block = await src.read(pos, BLOCK);
    if (isZeroBlock(block)) {
      ended = true;
      pos = await nextNonZeroBlock(src, pos + BLOCK);
      continue;
    }
    const header = parseTarHeader(block);
    if (!header.checksumOk || Number.isNaN(header.size)) {
      const message = ended ? 'non-zero bytes after the end-of-archive marker' : `unreadable header at offset ${pos}; tarfile stops reading here`;
      findings.push(report(ended ? TAR_TRAILING_DATA : TAR_MALFORMED, src.name, message, { offset: pos }));
      return;
    }
    if (ended) {
      findings.push(report(TAR_TRAILING_DATA, src.name, `a member header follows the end-of-archive marker at offset ${pos}; tarfile never sees it`, { offset: pos }));
      ended = false;
    }
    const isMeta = META_TYPES.has(header.typeflag);
    const size = isMeta || !pending.pax ? header.size : effectiveSize(src, header.size, pending.pax, pos, findings);
    const dataOffset = pos + BLOCK;
    const next = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
    if (dataOffset + size > src.size) {
      findings.push(report(TAR_MALFORMED, src.name, `member at offset ${pos} claims ${size} bytes, past the end of the file`, { severity: 'high', offset: pos }));
    }
    const meta = isMeta ? await readMeta(src, header.typeflag, dataOffset, size, pos, findings) : undefined;
    if (meta) {
      pending = mergeMeta(pending, meta, globals, header.typeflag);
    } else {
      yield memberOf(header, pending, size, pos);
      pending = {};
    }
    if (!Number.isFinite(next) || next > src.size) return;
    pos = next;
  }
}

function effectiveSize(src: ByteSource, headerSize: number, pax: Map<string, string>, pos: number, findings: Finding[]): number {
  const paxSize = pax.get('size');
  if (paxSize === undefined) return headerSize;
  const n = /^\d+$/.test(paxSize) ? Number(paxSize) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    findings.push(report(TAR_MALFORMED, src.name, `unreadable pax size ${printable(paxSize, 40)}`, { offset: pos }));
    return headerSize;
  }
  if (headerSize !== 0 && n !== headerSize) {
    const message = `pax size ${n} contradicts header size ${headerSize}; readers that ignore pax see different members`;
    findings.push(report(TAR_HEADER_MISMATCH, src.name, message, { offset: pos }));
  }
  return n;
}

type Meta = { kind: 'pax'; values: Map<string, string> } | { kind: 'long'; text: string };

async function readMeta(src: ByteSource, type: string, at: number, size: number, pos: number, findings: Finding[]): Promise<Meta> {
  if (size > MAX_META_BYTES) {
    findings.push(report(TAR_MALFORMED, src.name, `${type} header of ${size} bytes is beyond the ${MAX_META_BYTES}-byte limit; ignored`, { offset: pos }));
    return type === 'L' || type === 'K' ? { kind: 'long', text: '' } : { kind: 'pax', values: new Map() };
  }
  const data = await src.read(at, size);
  if (type === 'L' || type === 'K') return { kind: 'long', text: gnuLongName(data) };
  const parsed = parsePax(data);
  if (parsed.error) findings.push(report(TAR_MALFORMED, src.name, `pax header at offset ${pos}: ${parsed.error}`, { offset: pos }));
  return { kind: 'pax', values: parsed.values };
}

// Global (g) records only reach members through a later x header, as in tarfile.
function mergeMeta(pending: Pending, meta: Meta, globals: Map<string, string>, type: string): Pending {
  if (meta.kind === 'long') return type === 'L' ? { ...pending, longName: meta.text } : { ...pending, longLink: meta.text };
  if (type === 'g') {
    for (const [k, v] of meta.values) globals.set(k, v);
    return pending;
  }
  return { ...pending, pax: new Map([...globals, ...(pending.pax ?? []), ...meta.values]) };
}

function memberOf(header: ReturnType<typeof parseTarHeader>, pending: Pending, size: number, pos: number): TarMember {
  const pax = pending.pax ?? new Map<string, string>();
  return {
    name: pax.get('path') ?? pending.longName ?? header.name,
    linkname: pax.get('linkpath') ?? pending.longLink ?? header.linkname,
    typeflag: header.typeflag,
    size,
    headerOffset: pos,
    dataOffset: pos + BLOCK,
  };
}

// Skip a run of zero blocks in large reads (a tar padded with gigabytes of zeros must not cost one read per block).
async function nextNonZeroBlock(src: ByteSource, from: number): Promise<number> {
  const CHUNK = 1024 * 1024;
  for (let pos = from; pos < src.size; pos += CHUNK) {
    const chunk = await src.read(pos, CHUNK);
    const hit = chunk.findIndex((b) => b !== 0);
    if (hit >= 0) return pos + hit - (hit % BLOCK);
    if (chunk.length < CHUNK) break;
  }
  return src.size;
}
