/** Result shapes of the lineage signals. */

/** Identifiers of the signals, in the order reports list them. */
export const SIGNAL_IDS = ['identity', 'tensorCosine', 'stdProfile', 'invariants', 'unitAlignment'] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

/** One signal on one pair: a headline value (null when it does not apply) and its figures. */
export interface SignalResult {
  id: SignalId;
  /** Headline value in [-1, 1] (1 = same); null when the signal cannot be computed for this pair. */
  value: number | null;
  /** Why the value is null, or a caveat. */
  note?: string;
  /** Every figure behind the value. */
  details: Record<string, unknown>;
}

/** A signal: what it measures, what it does and does not show, and whether a verdict may rest on it. */
export interface SignalDescriptor {
  id: SignalId;
  title: string;
  shows: string;
  doesNotShow: string;
  /** False for signals reported but never allowed to decide a verdict. */
  decides: boolean;
}
