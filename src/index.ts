// modelgate's public library API. The CLI calls these same functions.

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

// Reports
export { renderFindingsText, renderFindingsJson, renderFindingsSarif } from './report/index.js';
