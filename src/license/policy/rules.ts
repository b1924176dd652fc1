/** The rules policy evaluation and the BOM report about the policy and the project itself. */
import { defineRule, type Finding, type RuleDescriptor } from '../../core/findings.js';

/** Descriptors of the policy and BOM rules, keyed by id. */
export const POLICY_RULES = {
  'policy/exception-expired': defineRule({
    id: 'policy/exception-expired',
    title: 'Policy exception expired',
    severity: 'medium',
    description: 'An exception passed its expiry date; the rule it waived applies again. Renew it with a new reason and date, or resolve the issue.',
  }),
  'policy/exception-unused': defineRule({
    id: 'policy/exception-unused',
    title: 'Policy exception waives nothing',
    severity: 'low',
    description: 'An exception names a rule that does not apply to the model (any more); remove it.',
  }),
  'policy/exception-unknown-model': defineRule({
    id: 'policy/exception-unknown-model',
    title: 'Policy exception for an unknown model',
    severity: 'medium',
    description: 'An exception names a model that is not in the manifest.',
  }),
  'bom/model-not-locked': defineRule({
    id: 'bom/model-not-locked',
    title: 'Model left out of the BOM',
    severity: 'medium',
    description: 'A manifest model is not locked, so the BOM cannot state its revision and hashes; run `modelgate lock`.',
  }),
} as const satisfies Record<string, RuleDescriptor>;

/** Id of a policy or BOM rule. */
export type PolicyRuleId = keyof typeof POLICY_RULES;

/** A finding of a policy rule, at the rule's severity. */
export function policyFinding(id: PolicyRuleId, f: Omit<Finding, 'ruleId' | 'severity'>): Finding {
  return { ruleId: id, severity: POLICY_RULES[id].severity, ...f };
}
