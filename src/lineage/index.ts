// Lineage: is this model derived from that one? Readers, fingerprints, signals, verdicts.

// Compare models (`modelgate lineage`)
export { compareModels, compareFingerprints } from './compare.js';
export type { LineageOptions, LineagePair, LineageModel, LineageReport } from './compare.js';
export { openModel } from './read/open-model.js';
export type { OpenModelOptions } from './read/open-model.js';
export { fingerprintModel } from './fingerprint/fingerprint.js';
export type { FingerprintOptions } from './fingerprint/fingerprint.js';
export { DEFAULT_BUDGET } from './fingerprint/plan.js';
export type { FingerprintBudget } from './fingerprint/plan.js';

// Signals and verdicts
export { SIGNALS, SIGNAL_IDS, runSignals } from './signals/index.js';
export type { SignalDescriptor, SignalId, SignalResult } from './signals/index.js';
export { decide, THRESHOLDS, VERDICTS } from './verdict.js';
export type { DerivationKind, PairVerdict, Verdict } from './verdict.js';
export { stdCurves } from './signals/std-profile.js';

// License finding (`license/undisclosed-derivation`)
export { undisclosedDerivations, UNDISCLOSED_DERIVATION } from './undisclosed.js';

// Dequantization
export { dequantize, LINEAGE_TYPES } from './kernels/dequant.js';

// Model and fingerprint shapes
export type { ModelArch, ModelFingerprint, ModelTensor, ModelTokenizer, OpenedModel, TensorPrint, TensorRole } from './types.js';

// Demo
export { runLineageDemo } from './demo.js';
export type { LineageDemoResult } from './demo.js';
