/** The detector model: descriptors, the spans they report, and scan options. */
import type { Severity } from '../core/findings.js';

/** What a detector protects: credentials, or personal data. */
export type DetectorKind = 'secret' | 'pii';

/**
 * How far a hit can be trusted. `high`: a checksum or a vendor prefix proves the shape;
 * `medium`: shape plus context; `low`: heuristics (entropy, NER). Overlaps prefer higher.
 */
export type Confidence = 'high' | 'medium' | 'low';

/** One match a detector reports: `[start, end)` in UTF-16 code units of the scanned text. */
export interface Hit {
  start: number;
  end: number;
}

/**
 * A run of digits with light separators (`+`, `(`, `)`, space, `-`, `.`, `/`), found once per
 * scan and handed to every numeric detector. `groups` holds `[start, end)` pairs of the digit runs.
 */
export interface NumberSpan {
  start: number;
  end: number;
  groups: readonly number[];
  /** Total number of digits, so detectors can skip spans too short for them. */
  digits: number;
}

interface DetectorBase {
  /** Rule id of the findings, `secret/…` or `pii/…`. */
  id: string;
  title: string;
  description: string;
  severity: Severity;
  kind: DetectorKind;
  confidence: Confidence;
  /** Label of redaction placeholders (`EMAIL` → `[EMAIL_1_…]`); derived from the id when absent. */
  label?: string;
  /** False for slow or noisy detectors that run only when named in `detectors` (NER). */
  enabledByDefault?: boolean;
}

/** Fires where one of its literal anchors occurs; the engine finds all anchors in one pass. */
export interface AnchorDetector extends DetectorBase {
  trigger: 'anchor';
  anchors: readonly string[];
  /** Match the anchors case-insensitively (keywords such as `password`). */
  ignoreCase?: boolean;
  /** Validate a candidate: the anchor `anchor` starts at `at` (lower-cased when ignoreCase). */
  matchAt(text: string, at: number, anchor: string): Hit | undefined;
}

/** Looks at every number-like span (cards, IDs, phones, IPv4). */
export interface NumberDetector extends DetectorBase {
  trigger: 'number';
  matchNumber(text: string, span: NumberSpan, out: Hit[]): void;
}

/** Runs its own pass over the text (its own prefilter regex, or an NER library). */
export interface ScanDetector extends DetectorBase {
  trigger: 'scan';
  scan(text: string, out: Hit[]): void;
}

/** A detector descriptor, one per file under `detectors/`. */
export type Detector = AnchorDetector | NumberDetector | ScanDetector;

/** A hit attributed to its detector. */
export interface DetectorHit extends Hit {
  detector: Detector;
}

/** Which detectors a scan runs. */
export interface ScanOptions {
  /** Only detectors of these kinds (default both). */
  kinds?: readonly DetectorKind[];
  /**
   * Only these detector ids. Naming an opt-in detector (`enabledByDefault: false`) turns it on;
   * without this option only default detectors run.
   */
  detectors?: readonly string[];
  /** Value of `Finding.file` (default `<text>`). */
  file?: string;
}
