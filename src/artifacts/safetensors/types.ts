/**
 * Shapes the safetensors header reader returns. Problem codes map one to one
 * onto the rules in `rules.ts`.
 */
import type { Severity } from '../../core/findings.js';

/** Problem kinds the safetensors reader reports. */
export const SAFETENSORS_PROBLEM_CODES = [
  'header-too-large',
  'malformed',
  'unknown-dtype',
  'size-mismatch',
  'out-of-bounds',
  'overlap',
  'gap',
  'duplicate-tensor',
] as const;
export type SafetensorsProblemCode = (typeof SAFETENSORS_PROBLEM_CODES)[number];

/** One departure from the format. */
export interface SafetensorsProblem {
  code: SafetensorsProblemCode;
  severity: Severity;
  message: string;
  /** Absolute byte offset in the file. */
  offset?: number;
  tensor?: string;
  evidence?: string;
}

/** One tensor entry of the header. */
export interface SafetensorsTensor {
  name: string;
  dtype: string;
  shape: number[];
  /** Offsets relative to the start of the data section, as stored. */
  dataOffsets: [number, number];
  /** Absolute byte range in the file. */
  start: number;
  end: number;
}

/** A parsed header with everything found wrong with it. */
export interface SafetensorsHeader {
  /** Length of the JSON header in bytes. */
  headerSize: number;
  /** Absolute offset of the data section (8 + headerSize). */
  dataStart: number;
  /** Absolute offset just past the last tensor's bytes (trailing bytes start here). */
  dataEnd: number;
  tensors: SafetensorsTensor[];
  /** `__metadata__` string entries, when present. */
  metadata?: Record<string, string>;
  problems: SafetensorsProblem[];
  /** True when the JSON header was parsed (problems may still exist). */
  complete: boolean;
}
