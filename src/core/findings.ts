/**
 * The one findings model every scanner returns (artifacts, licenses, code,
 * lineage). Renderers in `src/report/` turn lists of these into text, JSON and
 * SARIF.
 */

/** Severities in increasing order of urgency. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Numeric rank so severities compare with `<`. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** True when `s` is at least as severe as `threshold`. */
export function meetsSeverity(s: Severity, threshold: Severity): boolean {
  return severityRank(s) >= severityRank(threshold);
}

/** Narrow an arbitrary string to a Severity. */
export function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}

/**
 * Where in a file a finding points. Byte offsets are the universal fallback;
 * format scanners add what a person would look for (tensor, opcode, key, line).
 */
export interface FindingLocation {
  /** Byte offset in the innermost file. */
  offset?: number;
  /** Tensor name (safetensors, GGUF). */
  tensor?: string;
  /** Index of the pickle opcode, counted from 0 in its stream. */
  opcode?: number;
  /** Metadata key or JSON path (GGUF KV key, `config.json` path). */
  key?: string;
  /** 1-based line and column for text files. */
  line?: number;
  column?: number;
}

/** One thing a scanner noticed. */
export interface Finding {
  /** Stable rule id such as `pickle/dangerous-import`. */
  ruleId: string;
  severity: Severity;
  /**
   * The file, with `!` separating archive members: `model.pt!archive/data.pkl`.
   */
  file: string;
  location?: FindingLocation;
  message: string;
  /** Short excerpt that shows why (an import name, a header value). */
  evidence?: string;
}

/** Static description of a rule, shared by the docs, SARIF and listings. */
export interface RuleDescriptor {
  id: string;
  title: string;
  /** Severity the rule usually reports at (findings may raise or lower it). */
  severity: Severity;
  description: string;
  /** CWE identifiers where one applies. */
  cwe?: readonly number[];
}

/** Declare a rule; typed identity keeps descriptors uniform. */
export function defineRule<const R extends RuleDescriptor>(rule: R): R {
  return rule;
}

/** Highest severity among findings, or undefined when there are none. */
export function maxSeverity(findings: readonly Finding[]): Severity | undefined {
  let best: Severity | undefined;
  for (const f of findings) if (best === undefined || severityRank(f.severity) > severityRank(best)) best = f.severity;
  return best;
}

/** Stable order: file, then offset/opcode, then severity (worst first), then rule. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const pos = (f: Finding) => f.location?.offset ?? f.location?.opcode ?? f.location?.line ?? 0;
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      pos(a) - pos(b) ||
      severityRank(b.severity) - severityRank(a.severity) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
