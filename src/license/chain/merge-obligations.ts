/**
 * Combining obligations along a base-model chain. A derivative is bound by
 * every term of every ancestor, so the effective obligations are the most
 * restrictive combination, dimension by dimension.
 */
import type { Obligations, Permission } from '../types.js';

// Unknown ranks above conditional: a term we cannot read may be a prohibition,
// and calling it "allowed under conditions" would be a silent pass.
const PERMISSION_RANK: Record<Permission, number> = { allowed: 0, conditional: 1, unknown: 2, 'not-allowed': 3 };
const AUTHORIZATION_RANK: Record<Obligations['authorization'], number> = { none: 0, registration: 1, unknown: 2, 'written-authorization': 3 };

/** The more restrictive of two permissions. */
export function stricterPermission(a: Permission, b: Permission): Permission {
  return PERMISSION_RANK[b] > PERMISSION_RANK[a] ? b : a;
}

/** Numeric restrictiveness of a permission (higher is stricter). */
export function permissionRank(p: Permission): number {
  return PERMISSION_RANK[p];
}

/** Numeric strength of an authorization requirement (higher is stronger). */
export function authorizationRank(a: Obligations['authorization']): number {
  return AUTHORIZATION_RANK[a];
}

/** What we must assume when a license could not be identified or an ancestor not resolved. */
export function unknownObligations(): Obligations {
  return {
    commercialUse: { status: 'unknown', conditions: [] },
    authorization: 'unknown',
    attribution: { required: false },
    acceptableUsePolicy: { applies: false },
    outputUse: { improveOtherModels: 'unknown' },
    redistribution: { status: 'unknown', conditions: [] },
    derivatives: { inheritRestrictions: false, shareAlike: false },
    territory: { excludedRegions: [] },
  };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

function joinText(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || a === b) return b ?? a;
  if (b === undefined) return a;
  return union(a.split('; '), b.split('; ')).join('; ');
}

/** Merge two sets of obligations into the most restrictive combination. */
export function mergeObligations(a: Obligations, b: Obligations): Obligations {
  const threshold =
    a.userThreshold && b.userThreshold
      ? a.userThreshold.monthlyActiveUsers <= b.userThreshold.monthlyActiveUsers
        ? a.userThreshold
        : b.userThreshold
      : (a.userThreshold ?? b.userThreshold);
  const governingLaw = joinText(a.territory.governingLaw, b.territory.governingLaw);
  const notice = joinText(a.attribution.notice, b.attribution.notice);
  const naming = joinText(a.attribution.naming, b.attribution.naming);
  const aupRef = joinText(a.acceptableUsePolicy.reference, b.acceptableUsePolicy.reference);
  const outputNote = joinText(a.outputUse.note, b.outputUse.note);
  return {
    commercialUse: {
      status: stricterPermission(a.commercialUse.status, b.commercialUse.status),
      conditions: union(a.commercialUse.conditions, b.commercialUse.conditions),
    },
    ...(threshold ? { userThreshold: { ...threshold } } : {}),
    authorization: AUTHORIZATION_RANK[b.authorization] > AUTHORIZATION_RANK[a.authorization] ? b.authorization : a.authorization,
    attribution: {
      required: a.attribution.required || b.attribution.required,
      ...(notice ? { notice } : {}),
      ...(naming ? { naming } : {}),
    },
    acceptableUsePolicy: { applies: a.acceptableUsePolicy.applies || b.acceptableUsePolicy.applies, ...(aupRef ? { reference: aupRef } : {}) },
    outputUse: { improveOtherModels: stricterPermission(a.outputUse.improveOtherModels, b.outputUse.improveOtherModels), ...(outputNote ? { note: outputNote } : {}) },
    redistribution: {
      status: stricterPermission(a.redistribution.status, b.redistribution.status),
      conditions: union(a.redistribution.conditions, b.redistribution.conditions),
    },
    derivatives: {
      inheritRestrictions: a.derivatives.inheritRestrictions || b.derivatives.inheritRestrictions,
      shareAlike: a.derivatives.shareAlike || b.derivatives.shareAlike,
    },
    territory: { ...(governingLaw ? { governingLaw } : {}), excludedRegions: union(a.territory.excludedRegions, b.territory.excludedRegions) },
  };
}

/** Merge any number of obligation sets; `undefined` for none. */
export function mergeAll(list: readonly Obligations[]): Obligations | undefined {
  const [first, ...rest] = list;
  return first === undefined ? undefined : rest.reduce(mergeObligations, first);
}

/**
 * The dimensions on which `own` is less restrictive than `inherited`: the
 * terms a derivative's own license claims to relax but cannot.
 */
export function relaxedDimensions(own: Obligations, inherited: Obligations): string[] {
  const out: string[] = [];
  const perm = (name: string, o: Permission, i: Permission) => {
    if (PERMISSION_RANK[o] < PERMISSION_RANK[i]) out.push(`${name}: ${o} (inherited ${i})`);
  };
  perm('commercial-use', own.commercialUse.status, inherited.commercialUse.status);
  perm('redistribution', own.redistribution.status, inherited.redistribution.status);
  perm('output-use', own.outputUse.improveOtherModels, inherited.outputUse.improveOtherModels);
  if (AUTHORIZATION_RANK[own.authorization] < AUTHORIZATION_RANK[inherited.authorization]) {
    out.push(`authorization: ${own.authorization} (inherited ${inherited.authorization})`);
  }
  const it = inherited.userThreshold;
  if (it && (!own.userThreshold || own.userThreshold.monthlyActiveUsers > it.monthlyActiveUsers)) {
    out.push(`user-threshold: ${own.userThreshold ? own.userThreshold.monthlyActiveUsers : 'none'} (inherited ${it.monthlyActiveUsers} MAU)`);
  }
  if (inherited.attribution.required && !own.attribution.required) out.push('attribution: not required (inherited: required)');
  if (inherited.acceptableUsePolicy.applies && !own.acceptableUsePolicy.applies) out.push('acceptable-use-policy: none (inherited: applies)');
  const dropped = inherited.territory.excludedRegions.filter((r) => !own.territory.excludedRegions.includes(r));
  if (dropped.length > 0) out.push(`excluded-regions: drops ${dropped.join(', ')}`);
  return out;
}
