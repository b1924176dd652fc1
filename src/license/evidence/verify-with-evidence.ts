/**
 * `modelgate verify` with license evidence: besides the file hashes, check
 * that each locked revision has its license evidence on file, that a change
 * was approved, and that the license on disk still says what the record says.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Finding } from '../../core/findings.js';
import { verifyProject, type LockedArtifactModel, type VerifyProjectOptions, type VerifyReport } from '../../artifacts/index.js';
import { openLicenseProject, type LicenseProject, type LicenseSourceOptions } from '../project.js';
import { diffObligations } from './diff-records.js';
import { changeFinding } from './lock-with-evidence.js';
import { buildRecord, evidenceDir, readRecord, type EvidenceRecord } from './record.js';
import { savedDocPath } from './save-evidence.js';
import { evidenceFinding } from './rules.js';

/** Verify options plus where base models may be found for the chain. */
export interface VerifyWithEvidenceOptions extends VerifyProjectOptions, Omit<LicenseSourceOptions, 'configPath' | 'blobPath'> {
  /** A file verification already under way (the CLI starts hashing before loading this layer). */
  report?: Promise<VerifyReport>;
}

/** The file report plus the license findings; `ok` covers both. */
export interface VerifyWithEvidenceResult {
  ok: boolean;
  report: VerifyReport;
  findings: Finding[];
}

/**
 * Verify files and license evidence.
 * @example
 * const { ok, findings } = await verifyWithEvidence({ configPath: 'modelgate.yaml' });
 */
export async function verifyWithEvidence(options: VerifyWithEvidenceOptions = {}): Promise<VerifyWithEvidenceResult> {
  // Hashing runs in worker threads; the license checks use the main thread meanwhile.
  const pending = options.report ?? verifyProject(options);
  pending.catch(() => undefined);
  const project = await openLicenseProject({ ...options, blobPath: options.hub ? (sha) => options.hub?.blobPath(sha) ?? '' : undefined });
  const findings: Finding[] = [];
  for (const [name, locked] of Object.entries(project.lock?.models ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (locked.kind !== 'artifact' || (options.only && !options.only.includes(name))) continue;
    findings.push(...(await checkModel(project, name, locked)));
  }
  const report = await pending;
  const blocking = findings.some((f) => f.severity === 'high' || f.severity === 'critical');
  return { ok: report.ok && !blocking, report, findings };
}

async function checkModel(project: LicenseProject, name: string, locked: LockedArtifactModel): Promise<Finding[]> {
  const record = await readRecord(project.paths.stateDir, name, locked.revision);
  const file = `.modelgate/evidence/${name}`;
  if (!record) {
    return [evidenceFinding('license/evidence-missing', { file, message: `${name}: no license evidence on file for revision ${locked.revision}; run \`modelgate lock\`` })];
  }
  const out: Finding[] = [];
  const pinned = [locked.card, locked.license].filter((d): d is { path: string; sha256: string } => d !== undefined);
  for (const doc of pinned) {
    if (!record.documents.some((d) => d.path === doc.path && d.sha256 === doc.sha256)) {
      out.push(evidenceFinding('license/evidence-stale', { file, message: `${name}: the lock pins ${doc.path} ${doc.sha256.slice(0, 12)}, but the evidence on file does not; run \`modelgate lock\`` }));
    }
  }
  out.push(...(await checkSavedCopies(project.paths.stateDir, record)));
  if (record.status === 'changed') out.push(changeFinding(record));
  out.push(...(await checkOnDisk(project, name, locked, record)));
  return out;
}

/** The saved copies must still hash to what the record says (evidence is not edited by hand). */
async function checkSavedCopies(stateDir: string, record: EvidenceRecord): Promise<Finding[]> {
  const dir = evidenceDir(stateDir, record.model, record.revision);
  const out: Finding[] = [];
  for (const d of record.documents) {
    const bytes = await readFile(savedDocPath(dir, d.path)).catch(() => undefined);
    const sha = bytes ? createHash('sha256').update(bytes).digest('hex') : undefined;
    if (sha !== d.sha256) {
      out.push(evidenceFinding('license/evidence-tampered', { file: savedDocPath(dir, d.path), message: `${record.model}: saved ${d.role} ${d.path} is ${sha ? 'modified' : 'missing'}; the record says sha256 ${d.sha256.slice(0, 12)}` }));
    }
  }
  return out;
}

/** Identify the license as it is on disk now and compare with the record. */
async function checkOnDisk(project: LicenseProject, name: string, locked: LockedArtifactModel, record: EvidenceRecord): Promise<Finding[]> {
  const mc = await project.chainOf(name);
  if (!mc.ok) return [mc.finding];
  const now = buildRecord(name, locked, mc.model.docs, mc.chain);
  const changes = [
    ...(now.license.id !== record.license.id ? [`license: ${record.license.id ?? 'unidentified'} -> ${now.license.id ?? 'unidentified'}`] : []),
    ...diffObligations(record.effective, now.effective),
  ];
  if (changes.length === 0) return [];
  return [
    evidenceFinding('license/changed-on-disk', {
      file: `.modelgate/evidence/${name}`,
      message: `${name}: the license as identified now no longer matches the evidence on file (the files or the catalog changed): ${changes.join('; ')}`,
      evidence: changes.join('\n'),
    }),
  ];
}
