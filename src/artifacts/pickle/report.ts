/**
 * Collects one stream's findings: imports are reported once per name, calls
 * are folded into one finding per callable (first position, count, opcodes),
 * malformed-stream problems keep the first few, and a cap stops a hostile
 * file from producing millions of findings.
 */
import { severityRank, type Finding, type RuleDescriptor, type Severity } from '../../core/findings.js';
import { LIMIT_EXCEEDED, UNSAFE_CALL } from './rules.js';

/** Where in the stream something happened. */
export interface OpLocation {
  opcode: number;
  offset: number;
}

interface CallSite {
  severity: Severity;
  loc: OpLocation;
  what: string;
  why: string;
  ops: Set<string>;
  count: number;
}

const MAX_FINDINGS = 200;
const MAX_PER_RULE = 5;

/** Findings of one pickle stream, deduplicated and capped. */
export class PickleReport {
  private readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  private readonly perRule = new Map<string, number>();
  private readonly calls = new Map<string, CallSite>();
  private dropped = 0;
  private droppedWorst: Severity = 'info';

  constructor(readonly file: string) {}

  /**
   * Add a finding. `key` deduplicates (same key, one finding); without one, a
   * rule keeps only its first few findings (malformed-stream problems).
   */
  add(rule: RuleDescriptor, severity: Severity, loc: OpLocation, message: string, evidence?: string, key?: string): void {
    const dedupe = key === undefined ? undefined : `${rule.id}\n${key}`;
    if (dedupe !== undefined) {
      if (this.seen.has(dedupe)) return;
      this.seen.add(dedupe);
    } else {
      const n = (this.perRule.get(rule.id) ?? 0) + 1;
      this.perRule.set(rule.id, n);
      if (n > MAX_PER_RULE) return;
    }
    if (this.findings.length >= MAX_FINDINGS) {
      this.dropped++;
      if (severityRank(severity) > severityRank(this.droppedWorst)) this.droppedWorst = severity;
      return;
    }
    const finding: Finding = { ruleId: rule.id, severity, file: this.file, location: { ...loc }, message };
    if (evidence !== undefined) finding.evidence = evidence;
    this.findings.push(finding);
  }

  /** Record one call of `what` (folded per callable into a single finding). */
  call(what: string, severity: Severity, opName: string, loc: OpLocation, why: string): void {
    const site = this.calls.get(what);
    if (site) {
      site.count++;
      site.ops.add(opName);
      if (severityRank(severity) > severityRank(site.severity)) site.severity = severity;
      return;
    }
    if (this.calls.size >= MAX_FINDINGS) {
      this.dropped++;
      if (severityRank(severity) > severityRank(this.droppedWorst)) this.droppedWorst = severity;
      return;
    }
    this.calls.set(what, { severity, loc: { ...loc }, what, why, ops: new Set([opName]), count: 1 });
  }

  /** All findings, call summaries included. */
  finish(): Finding[] {
    const out = [...this.findings];
    for (const c of this.calls.values()) {
      const times = c.count > 1 ? ` (${c.count} times)` : '';
      const message = `calls ${c.what} via ${[...c.ops].join('/')}${times}: ${c.why}`;
      out.push({ ruleId: UNSAFE_CALL.id, severity: c.severity, file: this.file, location: c.loc, message, evidence: c.what });
    }
    if (this.dropped > 0) {
      out.push({
        ruleId: LIMIT_EXCEEDED.id,
        severity: this.droppedWorst === 'info' ? 'high' : this.droppedWorst,
        file: this.file,
        message: `${this.dropped} more findings in this stream were not listed`,
      });
    }
    return out;
  }
}
