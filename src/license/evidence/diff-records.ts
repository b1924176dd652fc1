/**
 * What changed between two evidence records, in the words a reviewer needs:
 * the license, each obligation (own, or inherited through a base model), or
 * the license text itself.
 */
import type { Obligations, Permission } from '../types.js';
import type { EvidenceRecord } from './record.js';

type Formatter<K extends keyof Obligations> = (v: Obligations[K]) => string;

const withConditions = (v: { status: Permission; conditions: string[] }) => `${v.status}${v.conditions.length > 0 ? ` (${v.conditions.join('; ')})` : ''}`;

// One formatter per obligation, so a new obligation field fails to compile until it is described here.
const DIMENSIONS: { [K in keyof Required<Obligations>]: { label: string; format: Formatter<K> } } = {
  commercialUse: { label: 'commercial use', format: withConditions },
  userThreshold: { label: 'user threshold', format: (v) => (v ? `${v.monthlyActiveUsers} MAU` : 'none') },
  authorization: { label: 'authorization', format: (v) => v },
  attribution: { label: 'attribution', format: (v) => `${v.required ? 'required' : 'not required'}${v.notice ? `, notice "${v.notice}"` : ''}${v.naming ? `, naming "${v.naming}"` : ''}` },
  acceptableUsePolicy: { label: 'acceptable-use policy', format: (v) => (v.applies ? `applies${v.reference ? ` (${v.reference})` : ''}` : 'none') },
  outputUse: { label: 'outputs to improve other models', format: (v) => v.improveOtherModels },
  redistribution: { label: 'redistribution', format: withConditions },
  derivatives: { label: 'derivatives', format: (v) => [v.inheritRestrictions && 'carry use restrictions', v.shareAlike && 'share-alike'].filter(Boolean).join(', ') || 'free' },
  territory: { label: 'territory', format: (v) => `excluded: ${v.excludedRegions.join(', ') || 'none'}${v.governingLaw ? `; law: ${v.governingLaw}` : ''}` },
};

/** Obligation differences, one line each (`commercial use: allowed -> not-allowed`). */
export function diffObligations(before: Obligations | null, after: Obligations | null): string[] {
  if (before === null || after === null) return before === after ? [] : [`obligations: ${before ? 'known' : 'unknown'} -> ${after ? 'known' : 'unknown'}`];
  const out: string[] = [];
  for (const key of Object.keys(DIMENSIONS) as (keyof Obligations)[]) {
    const d = DIMENSIONS[key] as { label: string; format: (v: unknown) => string };
    const a = d.format(before[key]);
    const b = d.format(after[key]);
    if (a !== b) out.push(`${d.label}: ${a} -> ${b}`);
  }
  return out;
}

/** Every change a person must re-approve; empty when the terms on file still hold. */
export function diffRecords(before: EvidenceRecord, after: EvidenceRecord): string[] {
  const changes: string[] = [];
  if (before.license.id !== after.license.id) changes.push(`license: ${before.license.id ?? 'unidentified'} -> ${after.license.id ?? 'unidentified'}`);
  const own = diffObligations(before.obligations, after.obligations);
  changes.push(...own);
  const ownSet = new Set(own);
  changes.push(...diffObligations(before.effective, after.effective).filter((c) => !ownSet.has(c)).map((c) => `inherited ${c}`));
  const texts = (r: EvidenceRecord) => r.documents.filter((d) => d.role === 'license').map((d) => `${d.path}:${d.sha256}`).sort().join('\n');
  if (texts(before) !== texts(after)) changes.push(`license text changed (${describeTexts(before)} -> ${describeTexts(after)})`);
  return changes;
}

function describeTexts(r: EvidenceRecord): string {
  const docs = r.documents.filter((d) => d.role === 'license');
  return docs.length === 0 ? 'none' : docs.map((d) => `${d.path} ${d.sha256.slice(0, 12)}`).join(', ');
}
