/**
 * The verdict on a pair from its signals. Thresholds are values, calibrated
 * in `calibration.test.ts` on generated models (a base, its fine-tune,
 * quantizations, a merge, continued training, a permuted copy and
 * independently initialised models). The std profile never decides.
 */
import type { SignalId, SignalResult } from './signals/types.js';

/** Verdicts from strongest to weakest relation. */
export const VERDICTS = ['identical', 'derived', 'same-architecture', 'independent'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How a derived model was made, as far as the weights tell. */
export type DerivationKind = 'quantization' | 'fine-tune' | 'continued-training' | 'merge' | 'permuted-copy';

/** Thresholds of the verdict. */
export const THRESHOLDS = {
  /** Every matrix at least this close (and no quantized storage on one side only): identical weights. */
  identicalMinCosine: 0.99999,
  /** Median matrix cosine at or above this: shared weights (independent pairs sit near 0 ± 0.02). */
  derivedCosine: 0.3,
  /** Median cosine at or above this: a fine-tune (small drift) or quantization, else continued training. */
  fineTuneCosine: 0.9,
  /** Quantized copies keep every matrix at least this close. */
  quantizationMinCosine: 0.95,
  /**
   * Invariant terms and held-out unit alignment both at or above these: derived despite permutation.
   * Independent pairs stay within ±0.03 on both; heavy retraining of a permuted copy keeps ≈0.18 and ≈0.6.
   */
  invariants: 0.1,
  unitAlignment: 0.3,
  /** Invariant terms this close with low direct cosine: a permuted copy rather than retraining. */
  permutedInvariants: 0.95,
} as const;

/** A verdict with the evidence it rests on. */
export interface PairVerdict {
  verdict: Verdict;
  kind?: DerivationKind;
  /** Sentences naming each figure and the threshold it was held against. */
  evidence: string[];
}

const QUANTIZED = /^Q\d/;

const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(4));

/** Decide one pair. `storage` lists each side's storage types. */
export function decide(s: Record<SignalId, SignalResult>, storage: [string[], string[]]): PairVerdict {
  const t = THRESHOLDS;
  const ev: string[] = [];
  const cos = s.tensorCosine.value;
  const minCos = (s.tensorCosine.details.min as number | null | undefined) ?? null;
  const inv = s.invariants.value;
  const unit = s.unitAlignment.value;
  const sameArch = s.identity.details.sameArchitecture === true;
  ev.push(`architecture ${sameArch ? 'matches' : `differs (${(s.identity.details.differences as string[]).join('; ')})`}`);
  ev.push(`median matrix cosine ${fmt(cos)} (derived ≥ ${t.derivedCosine}, fine-tune ≥ ${t.fineTuneCosine}), min ${fmt(minCos)}`);
  ev.push(`invariant terms ${fmt(inv)}, held-out unit alignment ${fmt(unit)} (derived when ≥ ${t.invariants} and ≥ ${t.unitAlignment})`);
  ev.push(`std profile ${fmt(s.stdProfile.value)} (reported only: unrelated models of one design also correlate)`);
  const quantA = storage[0].some((x) => QUANTIZED.test(x));
  const quantB = storage[1].some((x) => QUANTIZED.test(x));
  const quantDiffers = quantA !== quantB || storage[0].join() !== storage[1].join();
  if (cos !== null && minCos !== null && minCos >= t.identicalMinCosine && !(quantA || quantB) && sameArch) {
    return { verdict: 'identical', evidence: [...ev, `every matrix cosine ≥ ${t.identicalMinCosine}: the same weights${quantDiffers ? ', re-encoded' : ''}`] };
  }
  if (cos !== null && cos >= t.derivedCosine) {
    const kind: DerivationKind = (quantA || quantB) && quantDiffers && minCos !== null && minCos >= t.quantizationMinCosine ? 'quantization' : cos >= t.fineTuneCosine ? 'fine-tune' : 'continued-training';
    return { verdict: 'derived', kind, evidence: ev };
  }
  if (inv !== null && unit !== null && inv >= t.invariants && unit >= t.unitAlignment) {
    const kind: DerivationKind = inv >= t.permutedInvariants ? 'permuted-copy' : 'continued-training';
    return { verdict: 'derived', kind, evidence: [...ev, 'direct cosine is low but permutation-invariant signatures agree: units or heads were reordered'] };
  }
  return { verdict: sameArch ? 'same-architecture' : 'independent', evidence: ev };
}
