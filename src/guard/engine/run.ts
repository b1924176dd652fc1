/** Runs a scan plan over a text: one pass per trigger family, then overlap resolution. */
import type { DetectorHit, Hit } from '../types.js';
import { forEachNumberSpan } from './numbers.js';
import { resolveOverlaps } from './overlap.js';
import type { AnchorPass, ScanPlan } from './plan.js';

// Cap on raw hits per scan: a guard against pathological inputs where every character starts
// a match; findings past it are dropped rather than letting a request stall the gateway.
const MAX_HITS = 100_000;

/** All disjoint detector hits of `plan` in `text`, sorted by start. */
export function runPlan(text: string, plan: ScanPlan): DetectorHit[] {
  const hits: DetectorHit[] = [];
  if (plan.exact) runAnchors(text, plan.exact, hits);
  if (plan.folded) runAnchors(text, plan.folded, hits);
  if (plan.numbers.length > 0) {
    const out: Hit[] = [];
    forEachNumberSpan(text, (span) => {
      for (const d of plan.numbers) {
        out.length = 0;
        d.matchNumber(text, span, out);
        for (const h of out) hits.push({ start: h.start, end: h.end, detector: d });
      }
    });
  }
  for (const d of plan.scans) {
    const out: Hit[] = [];
    d.scan(text, out);
    for (const h of out) hits.push({ start: h.start, end: h.end, detector: d });
  }
  return resolveOverlaps(hits, plan.rank);
}

function runAnchors(text: string, pass: AnchorPass, hits: DetectorHit[]): void {
  const re = pass.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && hits.length < MAX_HITS; m = re.exec(text)) {
    const anchor = pass.folded ? m[0].toLowerCase() : m[0];
    const listeners = pass.byAnchor.get(anchor);
    if (!listeners) continue;
    for (const d of listeners) {
      const h = d.matchAt(text, m.index, anchor);
      if (h) hits.push({ start: h.start, end: h.end, detector: d });
    }
  }
}
