/** Terminal rendering of a verify report. */
import type { VerifyReport } from '../../artifacts/index.js';
import { paint } from '../output.js';
import { formatBytes } from '../progress.js';

/** A line per model, its problems indented beneath, and a verdict line. */
export function renderVerifyReport(report: VerifyReport): string {
  const lines: string[] = [];
  for (const m of report.models) {
    const mark = m.ok ? paint.green('ok  ') : paint.red('FAIL');
    lines.push(`${mark} ${m.name}  ${m.files} files, ${formatBytes(m.bytes)}`);
    for (const p of report.problems.filter((x) => x.model === m.name)) {
      lines.push(`       ${p.kind.padEnd(15)} ${p.path ? `${p.path}: ` : ''}${p.detail}`);
    }
  }
  const bad = report.models.filter((m) => !m.ok).length;
  lines.push(
    report.ok
      ? `verified ${report.models.length} model${report.models.length === 1 ? '' : 's'} against modelgate.lock`
      : paint.red(`verify failed: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${bad} of ${report.models.length} models`),
  );
  return lines.join('\n');
}
