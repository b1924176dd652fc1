/** The rules license evidence and change detection report. */
import { defineRule, type Finding, type RuleDescriptor } from '../../core/findings.js';

/** Descriptors of the evidence rules, keyed by id. */
export const EVIDENCE_RULES = {
  'license/changed': defineRule({
    id: 'license/changed',
    title: 'License changed',
    severity: 'high',
    description: 'A new revision (or a base model) brings a different license than the one on file; review it and run `modelgate license <model> --accept`.',
  }),
  'license/terms-changed': defineRule({
    id: 'license/terms-changed',
    title: 'License terms changed',
    severity: 'high',
    description: 'The license id is the same, but its text or the obligations (own or inherited) differ from those on file; review and accept them.',
  }),
  'license/evidence-missing': defineRule({
    id: 'license/evidence-missing',
    title: 'No license evidence on file',
    severity: 'medium',
    description: 'The locked revision has no saved card, license text and record under .modelgate/evidence/; run `modelgate lock`.',
  }),
  'license/evidence-stale': defineRule({
    id: 'license/evidence-stale',
    title: 'Evidence does not match the lock',
    severity: 'high',
    description: 'The lock pins a card or license text whose hash the evidence record does not have; run `modelgate lock`.',
  }),
  'license/evidence-tampered': defineRule({
    id: 'license/evidence-tampered',
    title: 'Saved evidence modified',
    severity: 'high',
    description: 'A saved card or license text no longer hashes to what its record says; evidence is not edited by hand.',
  }),
  'license/changed-on-disk': defineRule({
    id: 'license/changed-on-disk',
    title: 'License on disk differs from the evidence',
    severity: 'high',
    description: 'Identifying the files as they are now gives a different license or obligations than the record on file (the files or the catalog changed).',
  }),
} as const satisfies Record<string, RuleDescriptor>;

/** Id of an evidence rule. */
export type EvidenceRuleId = keyof typeof EVIDENCE_RULES;

/** A finding of an evidence rule, at the rule's severity. */
export function evidenceFinding(id: EvidenceRuleId, f: Omit<Finding, 'ruleId' | 'severity'>): Finding {
  return { ruleId: id, severity: EVIDENCE_RULES[id].severity, ...f };
}
