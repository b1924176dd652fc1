// Licenses: identify from all the evidence, resolve base-model chains, apply the policy, keep evidence, write the ML-BOM.

// Inspect one model, folder, file or hub id (`modelgate license`)
export { inspectLicense } from './inspect-license.js';
export type { LicenseReport } from './inspect-license.js';
export { renderLicenseReport } from './render-license.js';

// Projects and model documents
export { openLicenseProject } from './project.js';
export type { LicenseProject, LicenseSourceOptions, ModelChain } from './project.js';
export { readModelDocs, lockedDocFiles, folderDocFiles } from './model-license.js';
export type { DocFile } from './model-license.js';
export { loadIdentifier } from './load-identifier.js';

// Base-model chains
export { buildChain, collectAncestors, createProjectLookup, mergeObligations, mergeAll, unknownObligations, relaxedDimensions, renderChain, describeObligations } from './chain/index.js';
export type { ChainNode, Identifier, LicenseChain, ModelDocs, ModelLookup, ResolvedModel } from './chain/index.js';

// Policy (`modelgate policy`)
export { evaluatePolicy, evaluateModel, baselinePolicy, renderPolicyResult } from './policy/index.js';
export type { AssumedBase, EvaluatePolicyOptions, LineageByModel, LineageEvidence, ModelPolicyResult, PolicyMatch, PolicyResult } from './policy/index.js';

// Evidence and change detection (`modelgate lock`, `modelgate verify`)
export { lockWithEvidence, verifyWithEvidence, acceptLicenseChange, readRecord, diffRecords } from './evidence/index.js';
export type { EvidenceRecord, LockWithEvidenceOptions, LockWithEvidenceResult, VerifyWithEvidenceOptions, VerifyWithEvidenceResult } from './evidence/index.js';

// ML-BOM (`modelgate bom`)
export { buildBom, toCycloneDx } from './bom/index.js';
export type { BomResult, BuildBomOptions, CycloneDxOptions } from './bom/index.js';

// Rule descriptors of the chain, evidence, policy and BOM findings
export { licenseStageRules } from './stage-rules.js';

// The license model
export type { CatalogEntry, LicenseEvidence, LicenseIdentification, Obligations, Permission } from './types.js';

// Demo
export { runInheritanceDemo } from './demo.js';
export type { InheritanceDemoResult } from './demo.js';
