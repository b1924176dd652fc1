// modelgate's public library API. The CLI calls these same functions; each
// capability is also importable on its own (`modelgate/artifacts`, `modelgate/eval`, ...).

// Core: errors, findings, config
export {
  ModelgateError,
  ConfigError,
  InputError,
  GateFailedError,
  UpstreamError,
  loadConfig,
  parseConfig,
  SEVERITIES,
  meetsSeverity,
  sortFindings,
} from './core/index.js';
export type { Config, Finding, Severity, RuleDescriptor, ErrorCode } from './core/index.js';

// Supply chain: lock, verify, scan
export { lockProject, verifyProject, addModel, initProject, scanPaths, scanRules, hashFiles } from './artifacts/index.js';
export type { Lockfile, LockedModel, VerifyReport, ScanReport, ArtifactFormat } from './artifacts/index.js';

// Licenses: identification, chain, policy, evidence, BOM
export { inspectLicense, evaluatePolicy, lockWithEvidence, verifyWithEvidence, buildBom } from './license/index.js';
export type { LicenseIdentification, Obligations, PolicyResult, BomResult } from './license/index.js';

// Providers and evaluation
export { createProvider, createProviders, collectStream, detectRefusal } from './providers/index.js';
export type { ProviderAdapter, ChatRequest, ChatResponse } from './providers/index.js';
export { runEval, loadSuite, listRuns } from './eval/index.js';
export type { RunEvalOptions, RunEvalResult } from './eval/index.js';
export { openStore } from './store/index.js';
export type { Store } from './store/index.js';

// Guard: secrets, PII and insecure code
export { scanText, redact, createRestorer, restoreJson } from './guard/index.js';
export { scanCode, scanMarkdownAnswer } from './guard/code/index.js';

// Reports
export { renderFindingsText, renderFindingsJson, renderFindingsSarif } from './report/index.js';
