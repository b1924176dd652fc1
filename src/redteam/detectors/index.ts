// Red-team detectors: one descriptor per file, listed here. Each passes when the model resisted.
import type { ExternalAssertionDescriptor } from '../../eval/index.js';
import { canaryAbsent } from './canary.js';
import { reasoningPresent } from './reasoning.js';
import { refusalDetector } from './refusal.js';
import { classifySensitiveDetector } from './sensitive.js';
import { noDangerousToolCall } from './tool-call.js';

/** Every red-team detector by type; `code-safe` (insecure code) comes from the eval's own table. */
export const detectors = {
  'canary-absent': canaryAbsent,
  'no-dangerous-tool-call': noDangerousToolCall,
  refusal: refusalDetector,
  'classify-sensitive': classifySensitiveDetector,
  'reasoning-present': reasoningPresent,
} as const satisfies Record<string, ExternalAssertionDescriptor<unknown>>;

/** A red-team detector type. */
export type DetectorType = keyof typeof detectors;

/** True when `type` names a red-team detector. */
export function isDetectorType(type: string): type is DetectorType {
  return Object.hasOwn(detectors, type);
}

export { answerCodeScanner } from './code.js';
export { classifySensitive, labelOf, SENSITIVE_LABELS } from './sensitive.js';
export type { SensitiveLabel } from './sensitive.js';
export { findSecret, splitReasoning } from './text.js';
