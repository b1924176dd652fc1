/**
 * Legacy torch tar saves (`sys_info`, `pickle`, `storages`, `tensors`). The
 * `storages` and `tensors` members are not one pickle: torch's legacy loader
 * unpickles a count, then for each record a small pickle followed by raw
 * bytes (storage data, or tensor shape and strides), and `storages` ends with
 * one more pickle of storage views. A scanner that looks at the first pickle
 * only misses the rest, so this walks the record and scans every pickle.
 */
import type { Finding } from '../../core/findings.js';
import { sliceSource, type ByteSource } from '../io/byte-source.js';
import type { ScanContext } from '../scanner.js';
import { latin1, u32, u64 } from '../zip/bytes.js';
import { routeMember } from '../zip/nested.js';
import { report } from '../zip/report.js';
import { pickleEnd, pickledCount } from './pickle-extent.js';
import { TORCH_LEGACY_UNPARSED } from './rules.js';

/** Names of legacy torch tar members whose content interleaves pickles and raw bytes. */
export const LEGACY_RECORDS = new Set(['storages', 'tensors']);

const WINDOW = 4 * 1024 * 1024;
const MAX_RECORDS = 1_000_000;
const ELEMENT_SIZES: Record<string, number> = {
  Double: 8, Float: 4, Half: 2, BFloat16: 2, Long: 8, Int: 4, Short: 2, Char: 1, Byte: 1, Bool: 1,
  ComplexDouble: 16, ComplexFloat: 8, QUInt8: 1, QInt8: 1, QInt32: 4, QUInt4x2: 1, QUInt2x4: 1,
};
const STORAGE_TYPE = /(ComplexDouble|ComplexFloat|BFloat16|QUInt4x2|QUInt2x4|QUInt8|QInt8|QInt32|Double|Float|Half|Long|Int|Short|Char|Byte|Bool)Storage/;

/** Scan every pickle inside a legacy `storages` or `tensors` member. */
export async function scanLegacyRecord(ctx: ScanContext, member: ByteSource, kind: 'storages' | 'tensors'): Promise<Finding[]> {
  const findings: Finding[] = [];
  const walk = new Walk(ctx, member, findings);
  const count = await walk.pickle();
  if (count === undefined) return (await routeMember(ctx, member, false)).findings;
  const n = count.value ?? MAX_RECORDS;
  for (let i = 0; i < n && i < MAX_RECORDS && walk.pos < member.size; i++) {
    const record = await walk.pickle();
    if (!record) return walk.stop(`record ${i} does not start with a pickle`);
    const skipped = kind === 'storages' ? await walk.skipStorage(record.bytes) : await walk.skipTensor();
    if (!skipped) return walk.stop(`raw data after record ${i} is unreadable`);
  }
  if (kind === 'storages' && walk.pos < member.size && !(await walk.pickle())) return walk.stop('the storage-views pickle is missing');
  if (walk.pos < member.size) return walk.stop(`${member.size - walk.pos} bytes follow the last record`);
  return findings;
}

class Walk {
  pos = 0;
  constructor(
    private readonly ctx: ScanContext,
    private readonly member: ByteSource,
    private readonly findings: Finding[],
  ) {}

  /** Scan the pickle at the cursor and step past it. */
  async pickle(): Promise<{ bytes: Uint8Array; value: number | undefined } | undefined> {
    let window: Uint8Array = new Uint8Array(0);
    let end: number | undefined;
    // Record pickles are tiny; grow the window only for a pickle that needs it.
    for (const size of [4096, 65_536, WINDOW]) {
      window = await this.member.read(this.pos, size);
      end = pickleEnd(window);
      if (end !== undefined || window.length < size) break;
    }
    if (end === undefined) return undefined;
    const bytes = window.subarray(0, end);
    const piece = sliceSource(this.member, this.pos, end, `${this.member.name}@${this.pos}`);
    this.findings.push(...(await routeMember(this.ctx, piece, false)).findings);
    this.pos += end;
    return { bytes, value: pickledCount(bytes) };
  }

  /** Step over `numel` (u64) and numel × element size bytes of storage data. */
  async skipStorage(recordPickle: Uint8Array): Promise<boolean> {
    const type = STORAGE_TYPE.exec(latin1(recordPickle))?.[1];
    const size = type === undefined ? undefined : ELEMENT_SIZES[type];
    if (size === undefined) return false;
    const numel = u64(await this.member.read(this.pos, 8), 0);
    return this.advance(8 + numel * size);
  }

  /** Step over ndim (i32), 4 padding bytes, then ndim sizes, ndim strides and the storage offset (i64 each). */
  async skipTensor(): Promise<boolean> {
    const ndim = u32(await this.member.read(this.pos, 4), 0);
    if (ndim > 64) return false;
    return this.advance(8 + 16 * ndim + 8);
  }

  private advance(n: number): boolean {
    if (!Number.isFinite(n) || this.pos + n > this.member.size) return false;
    this.pos += n;
    return true;
  }

  /** Report where the walk stopped and scan the rest quietly, in case it holds a pickle. */
  async stop(why: string): Promise<Finding[]> {
    this.findings.push(report(TORCH_LEGACY_UNPARSED, this.member.name, `walk stopped at byte ${this.pos}: ${why}`, { offset: this.pos }));
    const rest = sliceSource(this.member, this.pos, this.member.size - this.pos, `${this.member.name}@${this.pos}`);
    if (rest.size > 0) this.findings.push(...(await routeMember(this.ctx, rest, true)).findings);
    return this.findings;
  }
}
