/**
 * Rules of the GGUF scanner, one per reader problem code (the `Record`
 * makes a new code without a rule a type error). Timeouts reuse the
 * dispatcher's deadline rule.
 */
import { defineRule, type RuleDescriptor } from '../../core/findings.js';
import { SCAN_TIMEOUT } from '../scan-rules.js';
import type { GgufProblemCode } from './problems.js';

export const GGUF_RULES = {
  malformed: defineRule({
    id: 'gguf/malformed',
    title: 'GGUF header is malformed',
    severity: 'high',
    description:
      'The header breaks the format: truncated fields, unknown value types, too many dimensions, overflowing element counts, bad alignment. Crafted headers of this kind have triggered memory-safety bugs in GGUF loaders.',
    cwe: [20],
  }),
  'unsupported-version': defineRule({
    id: 'gguf/unsupported-version',
    title: 'Unsupported GGUF version',
    severity: 'medium',
    description: 'Only GGUF v2 and v3 are read; v1 (32-bit counts) and unknown versions are reported, not parsed.',
  }),
  'big-endian': defineRule({
    id: 'gguf/big-endian',
    title: 'Big-endian GGUF file',
    severity: 'medium',
    description: 'The version field is byte-swapped: the file is big-endian. Little-endian loaders would misread every count and offset, so it is reported rather than parsed.',
  }),
  'out-of-bounds': defineRule({
    id: 'gguf/out-of-bounds',
    title: 'GGUF count, length or tensor beyond the file',
    severity: 'high',
    description: 'A string length, array length, KV or tensor count, or tensor byte range claims more bytes than the file holds.',
    cwe: [125, 789],
  }),
  'unknown-type': defineRule({
    id: 'gguf/unknown-type',
    title: 'Unknown or retired ggml tensor type',
    severity: 'medium',
    description: 'A tensor uses a ggml type id this scanner cannot size (so its bounds are unchecked), or one llama.cpp removed from GGUF files.',
  }),
  misaligned: defineRule({
    id: 'gguf/misaligned',
    title: 'Tensor data not aligned',
    severity: 'medium',
    description: 'A tensor data offset is not a multiple of general.alignment; llama.cpp refuses the file.',
  }),
  overlap: defineRule({
    id: 'gguf/overlap',
    title: 'Tensors share bytes',
    severity: 'high',
    description: 'Two tensors data ranges overlap, so one set of bytes is read as two different tensors.',
  }),
  gap: defineRule({
    id: 'gguf/gap',
    title: 'Tensor data out of order or with holes',
    severity: 'low',
    description: 'Tensor data is not packed in header order; llama.cpp refuses such files, and the holes can hide other content.',
  }),
  'trailing-data': defineRule({
    id: 'gguf/trailing-data',
    title: 'Bytes after the last tensor',
    severity: 'low',
    description: 'The file continues past the last tensor. The extra bytes are scanned as a nested member, since other parsers may find a payload there.',
  }),
  'duplicate-key': defineRule({
    id: 'gguf/duplicate-key',
    title: 'Metadata key repeated',
    severity: 'high',
    description: 'A KV key appears twice. Readers disagree on which value wins, so a scanner and a loader can see different chat templates or licenses.',
  }),
  'duplicate-tensor': defineRule({
    id: 'gguf/duplicate-tensor',
    title: 'Tensor declared twice',
    severity: 'high',
    description: 'Two tensor infos share a name; loaders pick one and tools can disagree about the weights.',
  }),
  deadline: SCAN_TIMEOUT,
} as const satisfies Record<GgufProblemCode, RuleDescriptor>;
