// Guard: secret and PII detectors shared by the red-team leakage detector and the gateway,
// with redaction to placeholders and restoration (whole texts, JSON, and streams).

// Scanning
export { scanText, scanHits } from './scan.js';
export type { Detector, DetectorKind, Confidence, DetectorHit, Hit, NumberSpan, ScanOptions, AnchorDetector, NumberDetector, ScanDetector } from './types.js';

// The detectors table, and how to declare one
export { detectors, DETECTORS } from './detectors/index.js';
export type { DetectorId } from './detectors/index.js';
export { defineDetector, detectorLabel } from './define.js';
export { maskEvidence } from './engine/findings.js';

// Redaction and restoration (the gateway's request/response path)
export { redact, createRedactor } from './redact/redactor.js';
export type { RedactOptions, RedactResult, Redactor } from './redact/redactor.js';
export { redactJson, restoreJson } from './redact/json.js';
export type { RedactJsonResult } from './redact/json.js';
export { createRestorer, restoreText } from './redact/restorer.js';
export type { Restorer, RestoreOptions } from './redact/restorer.js';
export { PLACEHOLDER_RE, newNonce } from './redact/placeholder.js';
