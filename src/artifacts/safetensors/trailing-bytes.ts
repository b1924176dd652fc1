/**
 * Bytes after a tensor file's last tensor are invisible to its own loader but
 * not to others: a zip or pickle appended there still opens in `torch.load`.
 * Hand them to the dispatcher as a nested member. Shared with the GGUF scanner.
 */
import { UNKNOWN_FORMAT } from '../scan-rules.js';
import type { Finding } from '../../core/findings.js';
import { sliceSource, type ByteSource } from '../io/byte-source.js';
import type { ScanContext } from '../scanner.js';

/** Scan `src[from..]` as a nested member named `<file>!trailing-bytes@<from>`. */
export async function scanTrailingBytes(src: ByteSource, from: number, ctx: ScanContext): Promise<Finding[]> {
  if (from >= src.size) return [];
  const tail = sliceSource(src, from, src.size - from, `${src.name}!trailing-bytes@${from}`);
  const found = await ctx.scanNested(tail, tail.name);
  // The caller already reports the trailing bytes; "unknown format" would say it twice.
  return found.filter((f) => f.ruleId !== UNKNOWN_FORMAT.id);
}
