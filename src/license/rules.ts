/** Every rule license identification can report, for SARIF, docs and `modelgate rules`. */
import { defineRule, type RuleDescriptor } from '../core/findings.js';

/** Ids of the license identification rules. */
export type LicenseRuleId =
  | 'license/sources-disagree'
  | 'license/unidentified'
  | 'license/low-confidence'
  | 'license/card-other-without-text'
  | 'license/unknown-version'
  | 'license/modified-text'
  | 'license/multiple-licenses';

/** The license rules, keyed by id so a new id without a descriptor fails `tsc`. */
export const LICENSE_RULES = {
  'license/sources-disagree': defineRule({
    id: 'license/sources-disagree',
    title: 'License sources disagree',
    severity: 'high',
    description:
      'Two pieces of evidence identify different licenses (for example the card says apache-2.0 while the LICENSE file is a custom agreement). ' +
      'High when the two differ on commercial use, medium otherwise (such as two versions of one family).',
  }),
  'license/unidentified': defineRule({
    id: 'license/unidentified',
    title: 'License not identified',
    severity: 'high',
    description: 'No evidence identifies a known license; the finding names the closest known license and its similarity.',
  }),
  'license/low-confidence': defineRule({
    id: 'license/low-confidence',
    title: 'License identified with low confidence',
    severity: 'medium',
    description: 'The license was identified only from weak evidence (a name, a link) or the text fits several versions equally well.',
  }),
  'license/card-other-without-text': defineRule({
    id: 'license/card-other-without-text',
    title: 'Card says "other" but ships no license text',
    severity: 'medium',
    description: 'The model card declares `license: other` and no LICENSE, NOTICE or similar file holds the terms that "other" refers to.',
  }),
  'license/unknown-version': defineRule({
    id: 'license/unknown-version',
    title: 'License version not in the catalog',
    severity: 'medium',
    description:
      'The text belongs to a known license family but states a version the catalog does not have; obligations are taken from the nearest known version and must be checked.',
  }),
  'license/modified-text': defineRule({
    id: 'license/modified-text',
    title: 'Standard license text with changes',
    severity: 'medium',
    description: 'The text is close to an SPDX license but adds or changes wording; read the differences, they may add restrictions.',
  }),
  'license/multiple-licenses': defineRule({
    id: 'license/multiple-licenses',
    title: 'One file names several licenses',
    severity: 'medium',
    description:
      'A license or NOTICE file names licenses of several families (typical of merges and fine-tunes of several bases); each may bind the model, so check all of them.',
  }),
} as const satisfies Record<LicenseRuleId, RuleDescriptor>;

/** The license rules as a sorted list. */
export function licenseRules(): RuleDescriptor[] {
  return Object.values(LICENSE_RULES).sort((a, b) => a.id.localeCompare(b.id));
}
