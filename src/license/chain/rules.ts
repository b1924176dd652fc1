/** The rules base-model chains report, as descriptors for docs, SARIF and listings. */
import { defineRule, type Finding, type RuleDescriptor } from '../../core/findings.js';

/** Descriptors of the chain rules, keyed by id. */
export const CHAIN_RULES = {
  'license/unresolved-ancestor': defineRule({
    id: 'license/unresolved-ancestor',
    title: 'Base model could not be resolved',
    severity: 'high',
    description:
      'A card (or GGUF header) names a base model that is neither in the manifest, nor in the local hub cache, nor (when allowed) on the hub. Its terms are unknown and still bind the derivative, so they count as unknown obligations.',
  }),
  'license/derivative-relaxes-terms': defineRule({
    id: 'license/derivative-relaxes-terms',
    title: 'Derivative claims looser terms than its base',
    severity: 'high',
    description: "A finetune, adapter, quantization or merge declares a license less restrictive than an ancestor's; a derivative cannot relax inherited terms, so the ancestor's terms apply.",
  }),
  'license/ancestor-cycle': defineRule({
    id: 'license/ancestor-cycle',
    title: 'Base-model chain loops',
    severity: 'medium',
    description: 'Following base_model leads back to a model already in the chain; the loop is cut where it closes.',
  }),
  'license/chain-too-deep': defineRule({
    id: 'license/chain-too-deep',
    title: 'Base-model chain too deep',
    severity: 'high',
    description: 'The chain is deeper than the limit; ancestors beyond it are not followed and count as unknown terms.',
  }),
  'license/document-unreadable': defineRule({
    id: 'license/document-unreadable',
    title: 'Card or license text unreadable',
    severity: 'medium',
    description: 'A model card, license file or GGUF header could not be read (too large, I/O error); its evidence is missing.',
  }),
  'license/model-unavailable': defineRule({
    id: 'license/model-unavailable',
    title: 'Model files unavailable',
    severity: 'high',
    description: 'The files of a manifest model cannot be read (folder missing, hub model neither locked nor cached); it is judged on unknown terms.',
  }),
  'license/hosted-model': defineRule({
    id: 'license/hosted-model',
    title: 'Hosted API model',
    severity: 'info',
    description: "A hosted API model ships no license documents; its terms are the provider's contract and are not evaluated.",
  }),
} as const satisfies Record<string, RuleDescriptor>;

/** Id of a chain rule. */
export type ChainRuleId = keyof typeof CHAIN_RULES;

/** A finding of a chain rule, at the rule's severity. */
export function chainFinding(id: ChainRuleId, f: Omit<Finding, 'ruleId' | 'severity'>): Finding {
  return { ruleId: id, severity: CHAIN_RULES[id].severity, ...f };
}
