/**
 * Callables that real checkpoints need, and nothing else. Each entry says how
 * it may be used: `any` (safe to call with any arguments and to pass around),
 * `value` (may sit in the data but is never called by a real save), or
 * `call` (safe only when called directly with the arguments a real save
 * writes, checked by a predicate).
 */
import type { Item } from './items.js';

/** How an allowlisted callable may be used. */
export type Permit =
  | { readonly kind: 'any' }
  | { readonly kind: 'value' }
  | { readonly kind: 'call'; readonly check: (args: Item | undefined) => string | undefined };

const ANY: Permit = { kind: 'any' };

const TORCH_DTYPES = [
  'float', 'float16', 'float32', 'float64', 'double', 'half', 'bfloat16', 'complex32', 'complex64', 'complex128', 'cfloat',
  'cdouble', 'chalf', 'uint8', 'uint16', 'uint32', 'uint64', 'int8', 'int16', 'int32', 'int64', 'short', 'int', 'long', 'bool',
  'qint8', 'quint8', 'qint32', 'quint4x2', 'quint2x4', 'float8_e4m3fn', 'float8_e5m2', 'float8_e4m3fnuz', 'float8_e5m2fnuz',
  'float8_e8m0fnu', 'float4_e2m1fn_x2', 'bits8', 'bits16', 'bits1x8', 'bits2x4', 'bits4x2',
];
const TORCH_ENUMS = [
  'strided', 'sparse_coo', 'sparse_csr', 'sparse_csc', 'sparse_bsr', 'sparse_bsc', '_mkldnn', 'jagged', 'contiguous_format',
  'channels_last', 'channels_last_3d', 'preserve_format', 'per_tensor_affine', 'per_channel_affine', 'per_tensor_symmetric',
  'per_channel_symmetric', 'per_channel_affine_float_qparams',
];
const STORAGES = [
  'Float', 'Double', 'Half', 'BFloat16', 'Long', 'Int', 'Short', 'Char', 'Byte', 'Bool', 'ComplexFloat', 'ComplexDouble',
  'QUInt8', 'QInt8', 'QInt32', 'QUInt4x2', 'QUInt2x4',
].map((t) => `${t}Storage`);
const REBUILDERS = [
  '_rebuild_tensor', '_rebuild_tensor_v2', '_rebuild_tensor_v3', '_rebuild_parameter', '_rebuild_parameter_with_state',
  '_rebuild_qtensor', '_rebuild_sparse_tensor', '_rebuild_sparse_csr_tensor', '_rebuild_meta_tensor_no_storage',
  '_rebuild_nested_tensor', '_rebuild_wrapper_subclass', '_rebuild_device_tensor_from_numpy',
  '_rebuild_device_tensor_from_cpu_tensor', '_rebuild_xla_tensor', '_rebuild_mps_tensor', '_rebuild_meta_tensor',
];

/** Positional argument `i` of a call's argument tuple, when kept. */
function arg(args: Item | undefined, i: number): Item | undefined {
  return args && args.k === 'tuple' && args.count === args.items.length ? args.items[i] : undefined;
}

function argCount(args: Item | undefined): number | undefined {
  return args && args.k === 'tuple' && args.count === args.items.length ? args.count : undefined;
}

// Python 2-3 saves write bytes as `_codecs.encode(text, 'latin1')`: Latin-1 is a
// built-in codec, so no codec module is imported and no code runs. Any other
// codec name goes through the codec registry (which imports modules and can
// reach compression bombs), so only the literal Latin-1 spellings pass.
const LATIN1 = new Set(['latin1', 'latin-1', 'iso-8859-1', 'iso8859-1', 'l1']);
function checkLatin1Encode(args: Item | undefined): string | undefined {
  const text = arg(args, 0);
  const codec = arg(args, 1);
  if (argCount(args) !== 2 || text?.k !== 'str') return 'called with arguments a real save never writes';
  if (codec?.k !== 'str' || codec.v === undefined || !LATIN1.has(codec.v.toLowerCase())) {
    return `called with codec ${codec?.k === 'str' && codec.v !== undefined ? JSON.stringify(codec.v) : 'that is not a known string'}, not latin1`;
  }
  return undefined;
}

// A bytes value: a literal, or what `_codecs.encode(text, 'latin1')` returns in protocol 0-2 saves.
function isBytes(item: Item | undefined): boolean {
  return item?.k === 'bytes' || (item?.k === 'obj' && item.ref?.verdict.normalized === '_codecs.encode');
}

// bytes(n) / bytearray(n) allocate n bytes; real saves pass text or bytes.
function checkBufferCtor(args: Item | undefined): string | undefined {
  const n = argCount(args);
  if (n === 0) return undefined;
  const first = arg(args, 0);
  const enc = arg(args, 1);
  if (n === 1 && isBytes(first)) return undefined;
  if (n === 2 && first?.k === 'str' && enc?.k === 'str' && enc.v !== undefined && LATIN1.has(enc.v.toLowerCase())) return undefined;
  return 'called with a size or other arguments a real save never writes (allocates attacker-sized buffers)';
}

// torch's `_rebuild_from_type_v2(func, new_type, args, state)` calls `func(*args)`:
// harmless only when func and new_type are themselves freely callable.
function checkRebuildFromType(args: Item | undefined): string | undefined {
  const func = arg(args, 0);
  const type = arg(args, 1);
  for (const f of [func, type]) {
    if (f?.k !== 'global' || f.ref.verdict.permit?.kind !== 'any') return 'called on a function that is not itself allowed';
  }
  return undefined;
}

const ENTRIES: ReadonlyArray<readonly [string, Permit]> = [
  ...['OrderedDict', 'defaultdict', 'Counter', 'deque'].map((n) => [`collections.${n}`, ANY] as const),
  ...REBUILDERS.map((n) => [`torch._utils.${n}`, ANY] as const),
  ['torch._tensor._rebuild_from_type_v2', { kind: 'call', check: checkRebuildFromType }],
  ['torch._tensor._rebuild_from_type', { kind: 'call', check: checkRebuildFromType }],
  ...[...TORCH_DTYPES, ...TORCH_ENUMS, ...STORAGES, 'UntypedStorage', 'Size', 'device', 'Tensor', 'dtype', 'layout', 'memory_format', 'qscheme'].map(
    (n) => [`torch.${n}`, ANY] as const,
  ),
  ...STORAGES.map((n) => [`torch.cuda.${n}`, ANY] as const),
  ['torch.storage.UntypedStorage', ANY],
  ['torch.storage.TypedStorage', ANY],
  ['torch._tensor.Tensor', ANY],
  ['torch.nn.parameter.Parameter', ANY],
  ['torch.nn.parameter.Buffer', ANY],
  ['torch.serialization._get_layout', ANY],
  ...['numpy.core.multiarray', 'numpy._core.multiarray'].flatMap((m) => [[`${m}._reconstruct`, ANY] as const, [`${m}.scalar`, ANY] as const]),
  ['numpy.core.numeric._frombuffer', ANY],
  ['numpy._core.numeric._frombuffer', ANY],
  ['numpy.ndarray', ANY],
  ['numpy.dtype', ANY],
  ['numpy.ma.core._mareconstruct', ANY],
  // joblib writes `type(array)` as the wrapper's subclass; memmap must never be called (it opens files).
  ['numpy.memmap', { kind: 'value' }],
  ['joblib.numpy_pickle.NumpyArrayWrapper', ANY],
  ['sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper', ANY],
  ['_codecs.encode', { kind: 'call', check: checkLatin1Encode }],
  ...['set', 'frozenset', 'slice', 'complex', 'range', 'object'].map((n) => [`builtins.${n}`, ANY] as const),
  // Plain type constructors: `defaultdict(list)` / `defaultdict(int)` pickle them as factories,
  // and calling them on allowed values only converts data.
  ...['list', 'dict', 'tuple', 'int', 'float', 'str', 'bool'].map((n) => [`builtins.${n}`, ANY] as const),
  ['builtins.bytearray', { kind: 'call', check: checkBufferCtor }],
  ['builtins.bytes', { kind: 'call', check: checkBufferCtor }],
];

/** The default allowlist, keyed by normalised `module.name`. */
export const SAFE_GLOBALS: ReadonlyMap<string, Permit> = new Map(ENTRIES);

/** Permit for globals a user allowed through `scan.allow_globals`. */
export const USER_ALLOWED: Permit = ANY;
