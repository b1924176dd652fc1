/** The lineage signals: one descriptor each in one table, and the function that runs them on a pair. */
import type { ModelFingerprint } from '../types.js';
import { identitySignal } from './identity.js';
import { invariantsSignal } from './invariants.js';
import { stdProfileSignal } from './std-profile.js';
import { tensorCosineSignal } from './tensor-cosine.js';
import type { SignalDescriptor, SignalId, SignalResult } from './types.js';
import { unitAlignmentSignal } from './unit-alignment.js';

type Run = (a: ModelFingerprint, b: ModelFingerprint) => SignalResult;

/** Every signal with what it shows and what it does not. */
export const SIGNALS = {
  identity: {
    descriptor: { id: 'identity', title: 'Architecture and tokenizer identity', decides: true, shows: 'whether config fields, vocabulary, special tokens and merges agree; a derivative keeps them', doesNotShow: 'shared weights: every model of a published architecture and tokenizer matches' },
    run: identitySignal,
  },
  tensorCosine: {
    descriptor: { id: 'tensorCosine', title: 'Direct tensor cosine', decides: true, shows: 'shared weights where shapes match: same weights, fine-tunes, quantizations, merges, continued training', doesNotShow: 'lineage once units or heads are permuted or shapes differ (values fall to zero)' },
    run: tensorCosineSignal,
  },
  stdProfile: {
    descriptor: { id: 'stdProfile', title: 'Layer-wise std profile (2025 analysis)', decides: false, shows: 'similar per-layer scale of Q, K, V, O projections', doesNotShow: 'derivation: unrelated models of one family of designs correlate above 0.9, so it never decides a verdict' },
    run: stdProfileSignal,
  },
  invariants: {
    descriptor: { id: 'invariants', title: 'Invariant terms (HuRef-style)', decides: true, shows: 'shared weights through permutation of heads, units and hidden dimensions, and through continued training', doesNotShow: 'anything when the tokenizers share too few probe tokens; it is weaker after heavy retraining' },
    run: invariantsSignal,
  },
  unitAlignment: {
    descriptor: { id: 'unitAlignment', title: 'Unit alignment + CKA', decides: true, shows: 'MLP units of one model have counterparts in the other after linear assignment, tested on held-out columns', doesNotShow: 'lineage when the hidden dimension is permuted or widths differ' },
    run: unitAlignmentSignal,
  },
} as const satisfies Record<SignalId, { descriptor: SignalDescriptor; run: Run }>;

/** Run every signal on a pair. */
export function runSignals(a: ModelFingerprint, b: ModelFingerprint): Record<SignalId, SignalResult> {
  return {
    identity: SIGNALS.identity.run(a, b),
    tensorCosine: SIGNALS.tensorCosine.run(a, b),
    stdProfile: SIGNALS.stdProfile.run(a, b),
    invariants: SIGNALS.invariants.run(a, b),
    unitAlignment: SIGNALS.unitAlignment.run(a, b),
  };
}

export type { SignalDescriptor, SignalId, SignalResult } from './types.js';
export { SIGNAL_IDS } from './types.js';
