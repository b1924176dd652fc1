/** GGUF: header reader, ggml type tables and byte-size math, KV access and format scanner. */
export { readGgufHeader, GGUF_DEFAULT_ALIGNMENT, GGUF_MAX_DIMS, GGUF_MAX_TENSOR_NAME } from './read-header.js';
export type { GgufHeader, GgufTensorInfo } from './header-types.js';
export { DEFAULT_GGUF_LIMITS } from './read-kv.js';
export type { GgufLimits } from './read-kv.js';
export { GGML_TYPES, GGML_MAX_ELEMENTS, alignUp, ggmlType, ggmlTypeByName, rowBytes, tensorSize } from './ggml-types.js';
export type { GgmlTypeInfo, TensorSize } from './ggml-types.js';
export { GGUF_VALUE_TYPES, GGUF_SCALAR_BYTES, ggufValueType, ggufValueTypeId, isGgufArray } from './value-types.js';
export type { GgufArray, GgufKv, GgufScalar, GgufValueType } from './value-types.js';
export { ggufArray, ggufNumber, ggufString, tensorDataRange } from './kv-access.js';
export { GGUF_PROBLEM_CODES } from './problems.js';
export type { GgufProblem, GgufProblemCode } from './problems.js';
export { GGUF_RULES } from './rules.js';
export { ggufScanner } from './scanner.js';
