/** Plain-text rendering of findings for terminals. */
import { SEVERITIES, sortFindings, type Finding, type Severity } from '../core/findings.js';

const LABEL: Record<Severity, string> = { info: 'INFO', low: 'LOW', medium: 'MEDIUM', high: 'HIGH', critical: 'CRITICAL' };

/** Where a finding points, in the words a person reads (`@ offset 120, opcode 7`). */
export function describeLocation(f: Finding): string {
  const l = f.location;
  if (!l) return '';
  const parts: string[] = [];
  if (l.tensor !== undefined) parts.push(`tensor ${l.tensor}`);
  if (l.key !== undefined) parts.push(`key ${l.key}`);
  if (l.opcode !== undefined) parts.push(`opcode #${l.opcode}`);
  if (l.line !== undefined) parts.push(`line ${l.line}${l.column !== undefined ? `:${l.column}` : ''}`);
  if (l.offset !== undefined) parts.push(`offset ${l.offset}`);
  return parts.join(', ');
}

/** Render findings grouped by file, worst first within each, plus a count line. */
export function renderFindingsText(findings: readonly Finding[], filesScanned?: number): string {
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of sortFindings(findings)) {
    if (f.file !== current) {
      current = f.file;
      lines.push(f.file);
    }
    const where = describeLocation(f);
    lines.push(`  ${LABEL[f.severity].padEnd(8)} ${f.ruleId}  ${f.message}${where ? ` (${where})` : ''}`);
    if (f.evidence) lines.push(`           evidence: ${truncate(f.evidence, 160)}`);
  }
  lines.push(summaryLine(findings, filesScanned));
  return lines.join('\n');
}

/** `3 findings (1 critical, 2 medium) in 5 files`. */
export function summaryLine(findings: readonly Finding[], filesScanned?: number): string {
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .reverse()
    .map(([s, n]) => `${n} ${s}`);
  const files = filesScanned === undefined ? '' : ` in ${filesScanned} file${filesScanned === 1 ? '' : 's'}`;
  if (findings.length === 0) return `no findings${files}`;
  return `${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts.join(', ')})${files}`;
}

function truncate(s: string, n: number): string {
  const oneLine = s.replace(/\s+/g, ' ');
  return oneLine.length > n ? `${oneLine.slice(0, n - 1)}…` : oneLine;
}
