/** The scanning entry points: findings for reports, raw hits for redaction. */
import type { Finding } from '../core/findings.js';
import { DETECTORS } from './detectors/index.js';
import { hitsToFindings } from './engine/findings.js';
import { planFor } from './engine/plan.js';
import { runPlan } from './engine/run.js';
import type { DetectorHit, ScanOptions } from './types.js';

/**
 * Secrets and personal data in `text`, as findings with masked evidence. Overlapping hits are
 * resolved (most confident, then longest), so each character belongs to at most one finding.
 * @example
 * scanText('mail bob@example.com', { kinds: ['pii'] });
 * // [{ ruleId: 'pii/email', severity: 'medium', location: { offset: 5, line: 1, column: 6 }, evidence: 'bo… (15 chars)', … }]
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  return hitsToFindings(text, scanHits(text, options), options.file ?? '<text>');
}

/** Disjoint detector hits in `text`, sorted by start (UTF-16 offsets), for redaction and tooling. */
export function scanHits(text: string, options: ScanOptions = {}): DetectorHit[] {
  return runPlan(text, planFor(DETECTORS, options));
}
