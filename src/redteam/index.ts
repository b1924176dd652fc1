// Red teaming: probe packs as data, detectors as assertions, runs through the eval runner, per-category attack success and a gate.

// Running
export { runRedteam } from './run.js';
export type { RunRedteamOptions, RedteamReport, RedteamFigures } from './run.js';
export { compilePacks } from './compile.js';
export type { CompileOptions } from './compile.js';
export { selectPacks } from './select.js';

// Packs and detectors
export { builtinPacks } from './packs/index.js';
export type { BuiltinPackId } from './packs/index.js';
export { loadPackFile, parsePack } from './load-pack.js';
export { detectors, isDetectorType, answerCodeScanner, classifySensitive, findSecret, SENSITIVE_LABELS } from './detectors/index.js';
export type { DetectorType, SensitiveLabel } from './detectors/index.js';
export { defineDetector } from './detectors/define.js';

// Report and gate
export { categoryRows } from './report.js';
export type { CategoryRow, SensitiveTally, Transcript } from './report.js';
export { renderRedteamReport, renderCategoryTable, renderRedteamJson } from './render.js';
export { evaluateRedteamGate, checkThresholds } from './gate.js';
export type { RedteamCheck } from './gate.js';

// Schemas and types
export { PackFileSchema, RedteamConfigSchema, ThresholdSchema } from './schema.js';
export type { PackFile, RedteamConfig } from './schema.js';
export type { Pack, Probe, ProbeLang, ProbeMessage, DetectorSpec } from './types.js';
export { loadRedteamConfig } from './config.js';
export { writeRedteamFiles } from './files.js';
export type { RedteamFiles } from './files.js';
