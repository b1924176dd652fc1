/**
 * lineage: the expectations in `gate.lineage` hold (`independent`: derives
 * from none of `against`; `derived`: from at least one), and no comparison
 * raises `license/undisclosed-derivation` for the model, unless a policy rule
 * naming that finding decides `warn` or `allow` (then it is reported, as
 * `modelgate policy` reports it, and the check passes). Digests: the lock
 * entries of the model and of every manifest model it is compared with (a
 * path outside the manifest by its files' sizes and times), the expectations
 * and modelgate's version.
 */
import { resolve } from 'node:path';
import { digestOf, pathStamp } from '../digest.js';
import { compareForModel, lineageExpectations as expectations, type LineageResult } from '../lineage-compare.js';
import type { Config } from '../../core/index.js';
import type { GateCheck } from '../types.js';
import { baseInputs, result } from './shared.js';

const related = (p: LineageResult['pairs'][number]) => p.verdict === 'derived' || p.verdict === 'identical';

/** True when a policy rule names the finding and lets it through (`warn` or `allow`), so the gate agrees with `modelgate policy`. */
function policyLetsThrough(config: Config, ruleId: string): boolean {
  const rules = config.policy?.rules ?? [];
  const naming = rules.filter((r) => 'finding' in r.when && r.when.finding.includes(ruleId));
  return naming.length > 0 && naming.every((r) => r.decision === 'warn' || r.decision === 'allow');
}

/** The lineage check. */
export const lineageCheck: GateCheck = {
  id: 'lineage',
  title: 'lineage expectations hold',
  applies: (ctx, s) => (expectations(ctx, s.model).length === 0 ? 'no gate.lineage entry for this model' : undefined),
  async inputs(ctx, s) {
    const wanted = expectations(ctx, s.model);
    const others = [...new Set(wanted.flatMap((l) => l.against))].sort();
    const parts: Record<string, string> = { ...baseInputs(ctx, s), 'config.gate.lineage': digestOf(wanted) };
    for (const o of others) {
      const locked = ctx.lock.models[o];
      parts[`lineage:${o}`] = locked ? digestOf(locked) : await pathStamp(resolve(ctx.paths.baseDir, o));
    }
    return parts;
  },
  async run(ctx, s) {
    const wanted = expectations(ctx, s.model);
    const details = await compareForModel(ctx, s.model);
    const verdictWith = (o: string) => details.pairs.find((p) => p.a === o || p.b === o);
    const failures: string[] = [];
    for (const l of wanted) {
      const hits = l.against.filter((o) => {
        const p = verdictWith(o);
        return p !== undefined && related(p);
      });
      if (l.expect === 'independent' && hits.length > 0) failures.push(`expected independent, but derived from ${hits.join(', ')}`);
      if (l.expect === 'derived' && hits.length === 0) failures.push(`expected derived from one of ${l.against.join(', ')}, found none`);
    }
    const warnings: string[] = [];
    for (const f of details.findings) (policyLetsThrough(ctx.config, f.ruleId) ? warnings : failures).push(`${f.ruleId}: ${f.message}`);
    const verdicts = details.pairs.map((p) => `${p.a === s.model ? p.b : p.a}: ${p.verdict}${p.kind ? ` (${p.kind})` : ''}`).join(', ');
    const summary = failures.length > 0 ? failures.join('; ') : [verdicts, ...warnings.map((w) => `warning (policy): ${w}`)].join('; ');
    return result(failures.length === 0, summary, details, wanted.map(({ against, expect }) => ({ against, expect })));
  },
};
