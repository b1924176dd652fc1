/**
 * Member-name checks over the whole central directory: zip-slip names,
 * duplicates (exact, and case-only since miniz in torch.load ignores case) and
 * Unicode Path extra fields that rename a member for some extractors.
 */
import type { Finding } from '../../core/findings.js';
import { latin1, printable } from './bytes.js';
import type { CentralEntry } from './central.js';
import { checkMemberPath } from './member-path.js';
import { report } from './report.js';
import { ZIP_DUPLICATE_NAME, ZIP_HEADER_MISMATCH, ZIP_PATH_TRAVERSAL } from './rules.js';

/** Findings about the names of `entries` in archive `file`. */
export function checkNames(file: string, entries: readonly CentralEntry[]): Finding[] {
  const findings: Finding[] = [];
  const exact = new Map<string, number>();
  const folded = new Map<string, string>();
  for (const e of entries) {
    const names = e.unicodePath !== undefined && e.unicodePath !== e.name ? [e.name, e.unicodePath] : [e.name];
    if (names.length > 1) {
      const message = `${printable(e.name)} carries a Unicode Path field naming it ${printable(e.unicodePath ?? '')}; extractors disagree on which to use`;
      findings.push(report(ZIP_HEADER_MISMATCH, file, message, { offset: e.recordOffset }));
    }
    for (const name of names) {
      const problem = checkMemberPath(name);
      if (problem) findings.push(report(ZIP_PATH_TRAVERSAL, file, `member ${printable(name)} ${problem.reason}`, { severity: problem.severity, offset: e.recordOffset, evidence: printable(name) }));
    }
    // Byte-exact key: the same bytes decode differently under the UTF-8 flag.
    const key = latin1(e.nameBytes);
    const seen = exact.get(key) ?? 0;
    exact.set(key, seen + 1);
    if (seen === 1) {
      findings.push(report(ZIP_DUPLICATE_NAME, file, `member ${printable(e.name)} appears more than once; readers disagree on which copy they load`, { offset: e.recordOffset }));
    }
    const lower = e.name.toLowerCase();
    const other = folded.get(lower);
    if (other === undefined) folded.set(lower, e.name);
    else if (other !== e.name) {
      const message = `members ${printable(other)} and ${printable(e.name)} differ only in case; torch.load (miniz) may load either`;
      findings.push(report(ZIP_DUPLICATE_NAME, file, message, { severity: 'medium', offset: e.recordOffset }));
    }
  }
  return findings;
}
