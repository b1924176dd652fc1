/** Turns detector hits into core Findings with line/column and masked evidence. */
import type { Finding } from '../../core/findings.js';
import type { DetectorHit, DetectorKind } from '../types.js';

/**
 * Evidence that shows what was found without leaking it: a short prefix and the length.
 * Secrets keep at most 4 characters (a vendor prefix such as `ghp_`), personal data at most 2.
 */
export function maskEvidence(value: string, kind: DetectorKind): string {
  const keep = kind === 'secret' ? Math.min(4, Math.floor(value.length / 5)) : Math.min(2, Math.floor(value.length / 6));
  return `${value.slice(0, keep)}… (${value.length} chars)`;
}

/** Findings for sorted, disjoint hits; `offset` is in UTF-8 bytes, `column` in characters (1-based). */
export function hitsToFindings(text: string, hits: readonly DetectorHit[], file: string): Finding[] {
  const findings: Finding[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  let bytes = 0;
  for (const h of hits) {
    for (let nl = text.indexOf('\n', scanned); nl !== -1 && nl < h.start; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    bytes += Buffer.byteLength(text.slice(scanned, h.start));
    scanned = h.start;
    const d = h.detector;
    findings.push({
      ruleId: d.id,
      severity: d.severity,
      file,
      location: { offset: bytes, line, column: h.start - lineStart + 1 },
      message: `${d.title} (${d.confidence} confidence)`,
      evidence: maskEvidence(text.slice(h.start, h.end), d.kind),
    });
  }
  return findings;
}
