/**
 * Overlap resolution: when hits overlap, keep the most trustworthy (confidence), then the longest,
 * then the detector listed first. The survivors are disjoint and sorted by start.
 */
import type { Confidence, Detector, DetectorHit } from '../types.js';

const CONFIDENCE: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** Disjoint hits, preferring higher confidence, then longer spans, then table order. */
export function resolveOverlaps(hits: readonly DetectorHit[], rank: ReadonlyMap<Detector, number>): DetectorHit[] {
  if (hits.length < 2) return [...hits];
  const byPriority = [...hits].sort(
    (a, b) =>
      CONFIDENCE[b.detector.confidence] - CONFIDENCE[a.detector.confidence] ||
      b.end - b.start - (a.end - a.start) ||
      (rank.get(a.detector) ?? 0) - (rank.get(b.detector) ?? 0) ||
      a.start - b.start,
  );
  const kept: DetectorHit[] = [];
  for (const h of byPriority) {
    const i = insertionPoint(kept, h.start);
    const prev = kept[i - 1];
    const next = kept[i];
    if ((prev && prev.end > h.start) || (next && next.start < h.end)) continue;
    kept.splice(i, 0, h);
  }
  return kept;
}

// First index whose start is greater than `start` (kept is sorted by start).
function insertionPoint(kept: readonly DetectorHit[], start: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((kept[mid]?.start ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
