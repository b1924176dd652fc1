/** Every rule the chain, evidence, policy and BOM stages report, for docs, SARIF and listings. */
import type { RuleDescriptor } from '../core/findings.js';
import { CHAIN_RULES } from './chain/rules.js';
import { EVIDENCE_RULES } from './evidence/rules.js';
import { POLICY_RULES } from './policy/rules.js';

/** The stage rules as one sorted list. */
export function licenseStageRules(): RuleDescriptor[] {
  return [...Object.values(CHAIN_RULES), ...Object.values(EVIDENCE_RULES), ...Object.values(POLICY_RULES)].sort((a, b) => a.id.localeCompare(b.id));
}
