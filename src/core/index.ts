// Core types shared by every capability: errors, findings, config.
export {
  ModelgateError,
  UsageError,
  ConfigError,
  InputError,
  GateFailedError,
  UpstreamError,
  ERROR_CODES,
  isModelgateError,
} from './errors.js';
export type { ErrorCode, ModelgateErrorOptions } from './errors.js';

export { SEVERITIES, severityRank, meetsSeverity, isSeverity, maxSeverity, sortFindings, defineRule } from './findings.js';
export type { Severity, Finding, FindingLocation, RuleDescriptor } from './findings.js';

export { loadConfig, parseConfig } from './config/load.js';
export { WrittenConfigSchema, MODEL_NAME } from './config/config.schema.js';
export type { Config } from './config/config.schema.js';
export type { ModelEntry, ScanSettings } from './config/model.schema.js';
export { parseSource, formatSource } from './config/source.js';
export type { ModelSource } from './config/source.js';
