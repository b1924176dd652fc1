/**
 * One helper to build findings for every container scanner (zip, tar, gzip,
 * numpy), so rule id and default severity always come from the descriptor.
 */
import type { Finding, RuleDescriptor, Severity } from '../../core/findings.js';

/** Optional parts of a finding. */
export interface ReportOptions {
  /** Overrides the rule's usual severity. */
  severity?: Severity;
  offset?: number;
  evidence?: string;
}

/** Build a finding for `rule` on `file`. */
export function report(rule: RuleDescriptor, file: string, message: string, opts: ReportOptions = {}): Finding {
  const finding: Finding = { ruleId: rule.id, severity: opts.severity ?? rule.severity, file, message };
  if (opts.offset !== undefined) finding.location = { offset: opts.offset };
  if (opts.evidence !== undefined) finding.evidence = opts.evidence;
  return finding;
}

/**
 * Keep at most `perRule` findings per rule for `file` itself (nested members'
 * findings pass untouched) and summarise the rest, so an archive with 65,000
 * crafted entries yields a readable report rather than 65,000 lines.
 */
export function capFindings(findings: readonly Finding[], file: string, perRule = 20): Finding[] {
  const counts = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.file !== file) {
      out.push(f);
      continue;
    }
    const n = (counts.get(f.ruleId) ?? 0) + 1;
    counts.set(f.ruleId, n);
    if (n <= perRule) out.push(f);
  }
  for (const [ruleId, n] of counts) {
    if (n <= perRule) continue;
    const sample = findings.find((f) => f.ruleId === ruleId && f.file === file);
    if (sample) out.push({ ruleId, severity: sample.severity, file, message: `${n - perRule} more findings of this rule in this archive are not listed` });
  }
  return out;
}
