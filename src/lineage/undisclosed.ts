/**
 * The license finding lineage contributes: a model whose card declares no
 * base model although its weights derive from another model it was compared
 * with. `modelgate policy` can consume these findings (rule id
 * `license/undisclosed-derivation`); its license obligations should follow
 * the base model's.
 */
import { defineRule, type Finding } from '../core/findings.js';

/** The rule descriptor. */
export const UNDISCLOSED_DERIVATION = defineRule({
  id: 'license/undisclosed-derivation',
  title: 'Undisclosed derivation',
  severity: 'high',
  description: 'The weights derive from another model but the model card or metadata declares no base model, so the base model\'s license obligations are not disclosed.',
});

interface PairLike {
  a: string;
  b: string;
  verdict: string;
  kind?: string;
}

interface ModelLike {
  label: string;
  path: string;
  declaredBase?: string;
}

/**
 * Findings for derived pairs where neither side declares a base model: one
 * of them is a derivative that does not say so. When one side declares a
 * base, it disclosed the derivation and the silent side is taken as the base.
 */
export function undisclosedDerivations(models: readonly ModelLike[], pairs: readonly PairLike[]): Finding[] {
  const byLabel = new Map(models.map((m) => [m.label, m]));
  const out: Finding[] = [];
  for (const p of pairs) {
    const a = byLabel.get(p.a);
    const b = byLabel.get(p.b);
    if (p.verdict !== 'derived' || !a || !b || a.declaredBase !== undefined || b.declaredBase !== undefined) continue;
    out.push({
      ruleId: UNDISCLOSED_DERIVATION.id,
      severity: 'high',
      file: b.path,
      message: `${b.label} and ${a.label} share weights (${p.kind ?? 'derived'}) but neither declares a base model; the derivative must carry its base's license obligations`,
      evidence: `lineage verdict: derived (${p.kind ?? 'unspecified'})`,
    });
  }
  return out;
}
