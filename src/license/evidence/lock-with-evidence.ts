/**
 * `modelgate lock` with license evidence: pin the models, then keep each
 * model's card and license text on file and compare its license and
 * obligations with the previous revision's record. A change is a finding and
 * waits for `modelgate license <model> --accept`.
 */
import type { Finding } from '../../core/findings.js';
import { lockProject, projectPaths, readLock, type LockedModel, type LockProjectOptions, type LockProjectResult } from '../../artifacts/index.js';
import { openLicenseProject, type LicenseSourceOptions } from '../project.js';
import { diffRecords } from './diff-records.js';
import { buildRecord, readRecord, type EvidenceRecord } from './record.js';
import { saveEvidence } from './save-evidence.js';
import { evidenceFinding } from './rules.js';

/** Lock options plus where base models may be found for the chain. */
export interface LockWithEvidenceOptions extends LockProjectOptions, Omit<LicenseSourceOptions, 'configPath' | 'blobPath'> {}

/** The lock result plus license findings and the saved records. */
export interface LockWithEvidenceResult extends LockProjectResult {
  /** License changes and problems found while saving evidence. */
  findings: Finding[];
  /** The saved record of each artifact model, by name. */
  records: Record<string, EvidenceRecord>;
}

/**
 * Lock, then save license evidence and report license or obligation changes.
 * @example
 * const res = await lockWithEvidence({ configPath: 'modelgate.yaml', hub });
 * for (const f of res.findings) console.log(f.message);
 */
export async function lockWithEvidence(options: LockWithEvidenceOptions = {}): Promise<LockWithEvidenceResult> {
  const before = await readLock(projectPaths(options.configPath).lockPath);
  const res = await lockProject(options);
  const out: LockWithEvidenceResult = { ...res, findings: [], records: {} };
  if (options.dryRun) return out;
  const project = await openLicenseProject({ ...options, blobPath: options.hub ? (sha) => options.hub?.blobPath(sha) ?? '' : undefined });
  for (const [name, locked] of Object.entries(res.lock.models).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (locked.kind !== 'artifact' || (options.only && !options.only.includes(name))) continue;
    const mc = await project.chainOf(name);
    if (!mc.ok) {
      out.findings.push(mc.finding);
      continue;
    }
    const record = buildRecord(name, locked, mc.model.docs, mc.chain);
    const previous = await previousRecord(project.paths.stateDir, name, before?.models[name]);
    settleStatus(record, previous, out.findings);
    await saveEvidence(project.paths.stateDir, record, mc.model.docs);
    out.records[name] = record;
  }
  return out;
}

async function previousRecord(stateDir: string, name: string, prev: LockedModel | undefined): Promise<EvidenceRecord | undefined> {
  return prev?.kind === 'artifact' ? readRecord(stateDir, name, prev.revision) : undefined;
}

/** Compare with the previous record: a change needs approval; an unapproved change stays unapproved. */
function settleStatus(record: EvidenceRecord, previous: EvidenceRecord | undefined, findings: Finding[]): void {
  if (!previous) return;
  const changes = diffRecords(previous, record);
  if (changes.length === 0) {
    record.status = previous.status;
    if (previous.change) record.change = previous.change;
  } else {
    record.status = 'changed';
    record.change = { fromRevision: previous.revision, changes };
  }
  if (record.status === 'changed' && record.change) findings.push(changeFinding(record));
}

/** The finding for a change that awaits approval. */
export function changeFinding(record: EvidenceRecord): Finding {
  const change = record.change ?? { fromRevision: '?', changes: [] };
  const licenseChanged = change.changes.some((c) => c.startsWith('license: '));
  return evidenceFinding(licenseChanged ? 'license/changed' : 'license/terms-changed', {
    file: `.modelgate/evidence/${record.model}`,
    message: `${record.model}: ${licenseChanged ? 'license' : 'license terms'} changed since ${short(change.fromRevision)}: ${change.changes.join('; ')}; review, then run \`modelgate license ${record.model} --accept\``,
    evidence: change.changes.join('\n'),
  });
}

function short(rev: string): string {
  return rev.startsWith('sha256:') ? rev.slice(0, 19) : rev.slice(0, 12);
}
