/**
 * Conservative obligations for SPDX licenses the catalog has no entry for,
 * derived from what the SPDX data says (OSI approval) and the id's family
 * (copyleft, Creative Commons NC/ND/SA). What cannot be derived is `unknown`.
 */
import type { Obligations } from '../types.js';
import { spdxLicenses } from './spdx-index.js';

const COPYLEFT = /^(A?GPL|LGPL|MPL|EPL|EUPL|OSL|CDDL|CECILL|MS-RL|RPL|SSPL|CPAL|APSL|Sleepycat|ODbL|CC-BY(-NC)?-SA)/i;
const PUBLIC_DOMAIN = /^(CC0|0BSD|Unlicense|MIT-0|WTFPL|PDDL|BlueOak-1\.0\.0$)/i;

/** Obligations for an SPDX id without a catalog entry. */
export function defaultObligations(spdxId: string): Obligations {
  const osi = spdxLicenses()[spdxId]?.osiApproved === true;
  const nonCommercial = /-NC(-|$)/i.test(spdxId);
  const noDerivatives = /-ND(-|$)/i.test(spdxId);
  const copyleft = COPYLEFT.test(spdxId);
  const publicDomain = PUBLIC_DOMAIN.test(spdxId);
  const known = osi || nonCommercial || publicDomain || /^CC-BY/i.test(spdxId);
  const commercial = nonCommercial ? 'not-allowed' : known ? 'allowed' : 'unknown';
  const redistribution: Obligations['redistribution'] = !known
    ? { status: 'unknown', conditions: [] }
    : copyleft || nonCommercial || noDerivatives
      ? { status: 'conditional', conditions: conditionsFor(copyleft, nonCommercial, noDerivatives) }
      : { status: 'allowed', conditions: publicDomain ? [] : ['keep the license text and copyright notices'] };
  return {
    commercialUse: { status: commercial, conditions: nonCommercial ? ['non-commercial purposes only'] : [] },
    authorization: nonCommercial ? 'written-authorization' : known ? 'none' : 'unknown',
    attribution: { required: !publicDomain, ...(publicDomain ? {} : { notice: 'keep the license text and copyright notices' }) },
    acceptableUsePolicy: { applies: false },
    outputUse: { improveOtherModels: known && !nonCommercial && !noDerivatives ? 'allowed' : 'unknown' },
    redistribution,
    derivatives: { inheritRestrictions: copyleft || nonCommercial || noDerivatives, shareAlike: copyleft },
    territory: { excludedRegions: [] },
  };
}

function conditionsFor(copyleft: boolean, nonCommercial: boolean, noDerivatives: boolean): string[] {
  const out: string[] = [];
  if (copyleft) out.push('derivatives under the same license, with source where the license requires it');
  if (nonCommercial) out.push('non-commercial purposes only');
  if (noDerivatives) out.push('no adapted material');
  return out;
}
