/**
 * Hand a member back to the dispatcher. Members that are expected to be raw
 * bytes (torch tensor storages, numpy array data, encrypted payloads) are
 * "quiet": scanned only when content detection recognises a real format, so a
 * multi-GB checkpoint does not produce one "unknown format" finding per tensor.
 */
import type { Finding } from '../../core/findings.js';
import { detectFormat } from '../detect.js';
import type { ByteSource } from '../io/byte-source.js';
import type { ArtifactFormat, ScanContext } from '../scanner.js';
import { pickleEnd } from '../torch/pickle-extent.js';

/** How far a quiet member is read to confirm that a pickle-looking start is a whole pickle. */
const CONFIRM_WINDOW = 1024 * 1024;

/** Format a member was detected as, and what scanning it found. */
export interface RoutedMember {
  format: ArtifactFormat;
  findings: Finding[];
}

/** Scan `member` through `ctx.scanNested`; when `quiet`, only if it is in a recognised format. */
export async function routeMember(ctx: ScanContext, member: ByteSource, quiet: boolean): Promise<RoutedMember> {
  let format: ArtifactFormat = 'unknown';
  try {
    format = await detectFormat(member);
  } catch {
    // Detection failures are reported by the dispatcher when it retries below.
  }
  if (quiet && (format === 'unknown' || format === 'text')) return { format, findings: [] };
  if (quiet && format === 'pickle' && !(await isWholePickle(member))) return { format: 'unknown', findings: [] };
  return { format, findings: await ctx.scanNested(member, member.name) };
}

// Tensor bytes start like a pickle by chance (0x80 0x02 is a small fp16 value); a real one parses to its STOP.
async function isWholePickle(member: ByteSource): Promise<boolean> {
  return pickleEnd(await member.read(0, CONFIRM_WINDOW)) !== undefined;
}
