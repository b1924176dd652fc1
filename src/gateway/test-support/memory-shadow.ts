/** A shadow sink that keeps rows in memory (tests). */
import type { ShadowRecord, ShadowSink } from '../types.js';

/** Shadow answers in an array. */
export function memoryShadowSink(): ShadowSink & { rows: ShadowRecord[] } {
  const rows: ShadowRecord[] = [];
  return { rows, record: (r) => void rows.push(r), close: async () => {} };
}
