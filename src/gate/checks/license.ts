/**
 * license: the license policy (or the built-in baseline) allows the model.
 * Digests: the whole lockfile (a model's license chain may run through other
 * manifest models), `models:` and `policy:`, the exceptions still in force
 * today (an expiry changes the verdict without any file changing), the
 * license catalog and modelgate's version.
 */
import { evaluatePolicy } from '../../license/index.js';
import { digestOf } from '../digest.js';
import type { GateCheck, GateContext } from '../types.js';
import { baseInputs, result } from './shared.js';

function activeExceptions(ctx: GateContext): unknown[] {
  const today = ctx.now.toISOString().slice(0, 10);
  return (ctx.config.policy?.exceptions ?? []).filter((e) => String(e.expires) >= today);
}

/** The license check. */
export const licenseCheck: GateCheck = {
  id: 'license',
  title: 'license policy allows',
  applies: () => undefined,
  inputs: async (ctx, s) => ({
    ...baseInputs(ctx, s),
    lockfile: digestOf(ctx.lock),
    'config.models': digestOf(ctx.config.models),
    'config.policy': digestOf(ctx.config.policy),
    'policy.exceptions-in-force': digestOf(activeExceptions(ctx)),
    catalog: ctx.catalogDigest,
  }),
  async run(ctx, s) {
    const policy = await evaluatePolicy({ configPath: ctx.paths.configPath, only: [s.model], now: ctx.now, ...(ctx.blobPath ? { blobPath: ctx.blobPath } : {}) });
    const thresholds = { policy: policy.policySource === 'config' ? 'modelgate.yaml policy:' : 'built-in baseline' };
    const r = policy.models.find((m) => m.model === s.model);
    if (!r) return result(false, 'not evaluated', null, thresholds);
    const details = { decision: r.decision, license: r.license ?? null, matches: r.matches, findings: r.findings };
    if (r.decision === 'allow') return result(true, r.skipped ?? `allowed (${r.license?.id ?? r.license?.name ?? 'license'})`, details, thresholds);
    const why = r.matches
      .filter((m) => m.decision !== 'allow' && m.decision !== 'warn' && !m.waived)
      .map((m) => `${m.ruleId}${m.reason ? ` (${m.reason})` : `: ${m.detail}`}`);
    return result(false, `${r.decision}: ${why.slice(0, 3).join('; ') || 'see `modelgate policy`'}`, details, thresholds);
  },
};
