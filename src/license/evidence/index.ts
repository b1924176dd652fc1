// License evidence: the exact card and license text on file, and change detection across revisions.
export { lockWithEvidence, changeFinding } from './lock-with-evidence.js';
export type { LockWithEvidenceOptions, LockWithEvidenceResult } from './lock-with-evidence.js';
export { verifyWithEvidence } from './verify-with-evidence.js';
export type { VerifyWithEvidenceOptions, VerifyWithEvidenceResult } from './verify-with-evidence.js';
export { acceptLicenseChange } from './accept.js';
export { buildRecord, readRecord, evidenceDir, revisionFolder, serializeRecord } from './record.js';
export type { EvidenceRecord, EvidenceDocument, EvidenceStatus } from './record.js';
export { diffRecords, diffObligations } from './diff-records.js';
export { saveEvidence, savedDocPath } from './save-evidence.js';
