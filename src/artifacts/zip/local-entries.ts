/**
 * Members found by their local headers alone: entries hidden in gaps the
 * central directory does not cover, and every entry of a zip whose central
 * directory is missing. Streaming readers load these, so they are scanned.
 */
import type { Finding } from '../../core/findings.js';
import type { ByteSource } from '../io/byte-source.js';
import type { ScanContext } from '../scanner.js';
import { printable } from './bytes.js';
import { pastDeadline } from './expansion.js';
import { FLAG, readLocalHeader } from './local.js';
import { routeMember } from './nested.js';
import { openMember, type ArchiveState } from './open-member.js';
import { report } from './report.js';
import { ZIP_HIDDEN_ENTRY } from './rules.js';

/** Most local-only entries scanned in one archive. */
const MAX_LOCAL_ENTRIES = 1000;

/**
 * Scan the local headers at `offsets` (sorted) inside [region.start, region.end).
 * Each entry's data ends where its header says, or else at the next header.
 * When `hidden`, each entry is also reported as missing from the directory.
 */
export async function scanLocalEntries(
  src: ByteSource,
  ctx: ScanContext,
  offsets: readonly number[],
  region: { start: number; end: number },
  state: ArchiveState,
  hidden: boolean,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (let k = 0; k < offsets.length && k < MAX_LOCAL_ENTRIES; k++) {
    if (pastDeadline(ctx.budget)) break;
    const at = offsets[k] ?? 0;
    const local = await readLocalHeader(src, at);
    if (!local || local.dataStart > src.size) continue;
    if (hidden) {
      findings.push(report(ZIP_HIDDEN_ENTRY, src.name, `local header for ${printable(local.name)} is not listed in the central directory`, { offset: at, evidence: printable(local.name) }));
    }
    const limit = Math.min(offsets[k + 1] ?? region.end, region.end);
    const deferred = (local.flags & FLAG.descriptor) !== 0 && local.compressedSize === 0;
    const length = deferred || !Number.isFinite(local.compressedSize) ? Math.max(0, limit - local.dataStart) : local.compressedSize;
    const opened = await openMember(
      src,
      ctx,
      {
        name: local.name,
        method: local.method,
        flags: local.flags,
        crc: local.crc,
        compressedSize: length,
        uncompressedSize: deferred ? undefined : local.uncompressedSize,
        dataStart: local.dataStart,
        checkCrc: !deferred,
        offset: at,
      },
      state,
    );
    findings.push(...opened.findings);
    if (opened.source && opened.source.size > 0) findings.push(...(await routeMember(ctx, opened.source, false)).findings);
  }
  return findings;
}
