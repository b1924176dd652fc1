/**
 * What lineage tells the policy about one model. The license stage does not
 * compare weights itself: the caller (the gate's attestation, or a lineage run
 * the user asked for) hands these in, so `modelgate policy` never reads
 * gigabytes by surprise.
 */
import type { Finding } from '../../core/findings.js';

/** A model the weights derive from although no card or header names it. */
export interface AssumedBase {
  /** Manifest name or path (relative to modelgate.yaml), as written in `gate.lineage`. */
  ref: string;
  /** How lineage says it was derived (`fine-tune`, `quantization`, ...), when it says. */
  kind?: string;
}

/** Lineage results for one model. */
export interface LineageEvidence {
  /**
   * `attestation`: the gate's lineage result for the locked revision, still current;
   * `run`: compared just now (`--lineage`); `stale` / `missing`: `gate.lineage`
   * compares the model but no current result exists, so nothing was applied.
   */
  status: 'attestation' | 'run' | 'stale' | 'missing';
  /** When the comparison ran. */
  ranAt?: string;
  /** One line per compared model (`base: derived (fine-tune)`). */
  pairs: string[];
  /** `license/undisclosed-derivation` findings about this model. */
  findings: Finding[];
  /** Undisclosed bases: the chain is evaluated as if the card declared them. */
  bases: AssumedBase[];
}

/** Lineage evidence by manifest model name. */
export type LineageByModel = Readonly<Record<string, LineageEvidence>>;
