/** safetensors: header reader, byte-size math, shard-index check and format scanner. */
export { readSafetensorsHeader, SAFETENSORS_MAX_HEADER } from './read-header.js';
export type { SafetensorsReadOptions } from './read-header.js';
export { SAFETENSORS_DTYPE_BITS, isSafetensorsDtype, safetensorsByteSize } from './dtypes.js';
export { findDuplicateKeys } from './json-duplicates.js';
export type { DuplicateKey } from './json-duplicates.js';
export { checkShardIndex, isPlainFileName } from './shard-index.js';
export { SAFETENSORS_RULES, SAFETENSORS_INDEX_PATH, SAFETENSORS_INDEX_SHARD } from './rules.js';
export { safetensorsScanner } from './scanner.js';
export { scanTrailingBytes } from './trailing-bytes.js';
export { SAFETENSORS_PROBLEM_CODES } from './types.js';
export type { SafetensorsHeader, SafetensorsProblem, SafetensorsProblemCode, SafetensorsTensor } from './types.js';
