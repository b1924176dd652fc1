/**
 * Where members sit in the file: overlapping spans (the non-recursive
 * "overlapping files" bomb, or two readers seeing different bytes), bytes
 * before the first member (a polyglot prefix), and gaps between members, which
 * are searched for local headers the central directory does not list.
 */
import type { ByteSource } from '../io/byte-source.js';
import { SIG, hasSignature } from './bytes.js';

/** A byte range claimed by one record. */
export interface Span {
  start: number;
  end: number;
  label: string;
}

/** Result of the overlap sweep. */
export interface Overlaps {
  /** Number of spans that start inside an earlier one. */
  count: number;
  /** The first overlapping pair, for evidence. */
  first?: [Span, Span];
}

/** Count spans that overlap another (sweep over start-sorted spans, O(n log n)). */
export function findOverlaps(spans: readonly Span[]): Overlaps {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  let count = 0;
  let first: [Span, Span] | undefined;
  let reach: Span | undefined;
  for (const s of sorted) {
    if (reach && s.start < reach.end) {
      count++;
      first ??= [reach, s];
    }
    if (!reach || s.end > reach.end) reach = s;
  }
  return first ? { count, first } : { count };
}

/** Uncovered ranges in [from, to) once every span is removed. */
export function findGaps(spans: readonly Span[], from: number, to: number): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const gaps: { start: number; end: number }[] = [];
  let pos = from;
  for (const s of sorted) {
    if (s.start > pos && pos < to) gaps.push({ start: pos, end: Math.min(s.start, to) });
    pos = Math.max(pos, s.end);
  }
  if (pos < to) gaps.push({ start: pos, end: to });
  return gaps;
}

const SEARCH_CHUNK = 1024 * 1024;

/**
 * Offsets of local header signatures inside `gap`, searching at most `limit`
 * bytes (the caller shares one limit across all gaps).
 */
export async function findLocalSignatures(src: ByteSource, gap: { start: number; end: number }, limit: number): Promise<number[]> {
  const found: number[] = [];
  const end = Math.min(gap.end, gap.start + limit);
  for (let pos = gap.start; pos < end; pos += SEARCH_CHUNK) {
    // Overlap chunks by 3 bytes so a signature split across reads is still seen.
    const chunk = await src.read(pos, Math.min(SEARCH_CHUNK + 3, end - pos));
    for (let i = chunk.indexOf(0x50); i >= 0 && i + 4 <= chunk.length; i = chunk.indexOf(0x50, i + 1)) {
      if (hasSignature(chunk, i, SIG.local) && i < SEARCH_CHUNK) found.push(pos + i);
    }
  }
  return found;
}
