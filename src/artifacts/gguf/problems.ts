/**
 * What the GGUF reader records when a file departs from the format. Each code
 * maps to one rule in `rules.ts`; the reader picks the severity because the
 * same code can be a curiosity or a parser attack depending on the numbers.
 */
import type { Severity } from '../../core/findings.js';

/** Problem kinds the reader reports. */
export const GGUF_PROBLEM_CODES = [
  'malformed',
  'unsupported-version',
  'big-endian',
  'out-of-bounds',
  'unknown-type',
  'misaligned',
  'overlap',
  'gap',
  'trailing-data',
  'duplicate-key',
  'duplicate-tensor',
  'deadline',
] as const;
export type GgufProblemCode = (typeof GGUF_PROBLEM_CODES)[number];

/** One departure from the format, with where it was seen. */
export interface GgufProblem {
  code: GgufProblemCode;
  severity: Severity;
  message: string;
  /** Absolute byte offset in the file. */
  offset?: number;
  key?: string;
  tensor?: string;
  evidence?: string;
}

/** A problem for bytes that end before a field does. */
export function truncatedAt(offset: number, what: string): GgufProblem {
  return { code: 'malformed', severity: 'high', offset, message: `file ends inside ${what}` };
}
