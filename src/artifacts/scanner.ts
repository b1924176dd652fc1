/**
 * Contracts between the scan dispatcher and the format scanners. A format
 * scanner reads a ByteSource and returns findings; containers hand their
 * members back to the dispatcher through `ctx.scanNested`, which enforces the
 * depth and expansion budgets shared by the whole scan.
 */
import type { Finding, RuleDescriptor } from '../core/findings.js';
import type { ByteSource } from './io/byte-source.js';

/** Formats the dispatcher knows, detected from content (the file name is only a hint). */
export const ARTIFACT_FORMATS = [
  'pickle',
  'zip',
  'tar',
  'gzip',
  'numpy',
  'safetensors',
  'gguf',
  'python',
  'json',
  'text',
  'unknown',
] as const;
export type ArtifactFormat = (typeof ARTIFACT_FORMATS)[number];

/** Limits shared by every member of one top-level scan, so nesting cannot multiply them. */
export interface ScanBudget {
  /** Deepest archive nesting followed (top-level file is depth 0). */
  readonly maxDepth: number;
  /** Total bytes that may be inflated from compressed members across the scan. */
  readonly maxExpandedBytes: number;
  /** Largest single member inflated into memory. */
  readonly maxMemberBytes: number;
  /** Bytes inflated so far (mutated by containers). */
  expandedBytes: number;
  /** Wall-clock deadline (ms since epoch) after which scanners stop and report. */
  readonly deadline: number;
}

/** Default budget: generous for real checkpoints, small enough to stop a bomb. */
export function defaultBudget(now: number = Date.now()): ScanBudget {
  return {
    maxDepth: 8,
    maxExpandedBytes: 4 * 1024 ** 3,
    maxMemberBytes: 1024 ** 3,
    expandedBytes: 0,
    deadline: now + 10 * 60_000,
  };
}

/** Settings a scan runs with (from `scan:` in modelgate.yaml and CLI flags). */
export interface ScanSettingsResolved {
  /** Extra `module.name` callables allowed in pickles. */
  allowGlobals: ReadonlySet<string>;
}

/** What a format scanner receives besides its bytes. */
export interface ScanContext {
  /** Archive nesting depth of this source (0 for a file on disk). */
  depth: number;
  budget: ScanBudget;
  settings: ScanSettingsResolved;
  /**
   * Scan an archive member through the dispatcher (format detection,
   * depth and budget checks included). `declaredName` is the member's name.
   */
  scanNested(src: ByteSource, declaredName: string): Promise<Finding[]>;
}

/** One format's scanner, declared once and listed in `formats/index.ts`. */
export interface FormatScanner {
  format: ArtifactFormat;
  title: string;
  /** Every rule this scanner can report, for SARIF and `modelgate rules`. */
  rules: readonly RuleDescriptor[];
  scan(src: ByteSource, ctx: ScanContext): Promise<Finding[]>;
}

/** Declare a format scanner (typed identity, like defineRule). */
export function defineScanner(s: FormatScanner): FormatScanner {
  return s;
}
