/**
 * Rules of the safetensors scanner, one per reader problem code (the
 * `Record` makes a new code without a rule a type error).
 */
import { defineRule, type RuleDescriptor } from '../../core/findings.js';
import type { SafetensorsProblemCode } from './types.js';

export const SAFETENSORS_RULES = {
  'header-too-large': defineRule({
    id: 'safetensors/header-too-large',
    title: 'safetensors header length is implausible',
    severity: 'high',
    description: 'The 8-byte header length exceeds the file or the 100 MB limit of the reference loader; such values aim at allocation and parser bugs.',
    cwe: [789],
  }),
  malformed: defineRule({
    id: 'safetensors/malformed',
    title: 'safetensors header is malformed',
    severity: 'high',
    description: 'The header is not valid UTF-8 JSON of the expected shape (tensor entries with dtype, shape and data_offsets; __metadata__ of strings).',
    cwe: [20],
  }),
  'unknown-dtype': defineRule({
    id: 'safetensors/unknown-dtype',
    title: 'Unknown safetensors dtype',
    severity: 'medium',
    description: 'A tensor names a dtype the safetensors library does not define; its size cannot be verified and loaders will refuse it.',
  }),
  'size-mismatch': defineRule({
    id: 'safetensors/size-mismatch',
    title: 'Tensor byte range does not match its shape',
    severity: 'high',
    description: 'Shape times dtype width differs from the data_offsets range (computed without overflow); hostile shapes use this to make loaders read out of bounds.',
    cwe: [131, 190],
  }),
  'out-of-bounds': defineRule({
    id: 'safetensors/out-of-bounds',
    title: 'Tensor data beyond the end of the file',
    severity: 'high',
    description: 'A tensor byte range ends past the end of the file.',
    cwe: [125],
  }),
  overlap: defineRule({
    id: 'safetensors/overlap',
    title: 'Tensors share bytes',
    severity: 'high',
    description: 'Two tensors byte ranges overlap; the reference loader refuses this, and other loaders would alias the tensors.',
  }),
  gap: defineRule({
    id: 'safetensors/gap',
    title: 'Unreferenced bytes in the data section',
    severity: 'medium',
    description: 'Bytes between or after tensors belong to no tensor. The reference loader refuses such files; the bytes may hide a payload for another parser.',
  }),
  'duplicate-tensor': defineRule({
    id: 'safetensors/duplicate-tensor',
    title: 'Tensor declared twice',
    severity: 'high',
    description: 'The header names a tensor twice. JSON.parse and Python keep the last entry, serde-based readers reject or keep another, so tools can see different weights.',
  }),
} as const satisfies Record<SafetensorsProblemCode, RuleDescriptor>;

export const SAFETENSORS_INDEX_PATH = defineRule({
  id: 'safetensors/index-path',
  title: 'Shard index names a path outside the model folder',
  severity: 'high',
  description: 'A weight_map entry in a *.index.json is not a plain file name in the same folder (absolute path, traversal or separators).',
  cwe: [22],
});

export const SAFETENSORS_INDEX_SHARD = defineRule({
  id: 'safetensors/index-shard',
  title: 'Shard index entry is missing or not safetensors',
  severity: 'medium',
  description: 'A weight_map entry names a shard that is not in the folder, or a non-safetensors shard inside a safetensors index.',
});
