/** scan: no artifact finding at or above `scan.fail_on`. Digests: lock entry, `scan:` section, modelgate version. */
import { scanPaths } from '../../artifacts/index.js';
import { meetsSeverity } from '../../core/index.js';
import { digestOf } from '../digest.js';
import type { GateCheck } from '../types.js';
import { artifactFiles, baseInputs, result } from './shared.js';

/** The scan check. */
export const scanCheck: GateCheck = {
  id: 'scan',
  title: 'no scan finding at or above scan.fail_on',
  applies: (_ctx, s) => (s.locked.kind === 'hosted' ? 'hosted model: no artifacts to scan' : undefined),
  inputs: async (ctx, s) => ({ ...baseInputs(ctx, s), 'config.scan': digestOf(ctx.config.scan) }),
  async run(ctx, s) {
    const thresholds = { fail_on: ctx.config.scan.fail_on, allow_globals: ctx.config.scan.allow_globals };
    const files = artifactFiles(s.locked, ctx) ?? [];
    if (files.length === 0) return result(false, 'locked files cannot be located (hub cache missing?)', null, thresholds);
    const report = await scanPaths(files, { allowGlobals: ctx.config.scan.allow_globals });
    const bad = report.findings.filter((f) => meetsSeverity(f.severity, ctx.config.scan.fail_on));
    const details = { files: report.files.length, findings: report.findings };
    if (bad.length === 0) return result(true, `${report.files.length} file(s), no finding at or above ${ctx.config.scan.fail_on}`, details, thresholds);
    const rules = [...new Set(bad.map((f) => f.ruleId))];
    return result(false, `${bad.length} finding(s) at or above ${ctx.config.scan.fail_on}: ${rules.slice(0, 3).join(', ')}`, details, thresholds);
  },
};
