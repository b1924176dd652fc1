// The gate: verify, scan, license, lineage, evals and red team per model, with cached results and one attestation per revision.

// Running
export { runGate } from './run-gate.js';
export type { RunGateOptions, GateReport, GateModelResult } from './run-gate.js';

// Checks
export { GATE_CHECKS } from './checks/index.js';
export { GATE_CHECK_IDS } from './types.js';
export type { GateCheck, GateCheckId, GateContext, GateSubject, CheckResult } from './types.js';

// Attestations (the gateway's admission reads them)
export { AttestationSchema, AttestedCheckSchema, ATTESTATION_SCHEMA, attestationPath, readAttestation, writeAttestation, revisionFileName } from './attestation.js';
export type { Attestation, AttestedCheck } from './attestation.js';

// Lineage for the license policy (`modelgate policy`)
export { policyLineage } from './policy-lineage.js';
export type { PolicyLineageOptions } from './policy-lineage.js';
export { compareForModel } from './lineage-compare.js';
export type { LineageResult } from './lineage-compare.js';
