/**
 * joblib's own pickles interleave raw numpy bytes with the stream: after the
 * BUILD of a `NumpyArrayWrapper`, joblib's unpickler reads the array (an
 * optional alignment byte plus padding, then `prod(shape) * itemsize` bytes)
 * or, for object arrays, a whole nested pickle. This module works out which,
 * from the wrapper state the walker simulated, or says it cannot.
 */
import { FALSE, LOST_MEMO, NONE, int, type CallResult, type GlobalRef, type Item } from './items.js';

const WRAPPERS = new Set(['joblib.numpy_pickle.NumpyArrayWrapper', 'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper']);

/** True for joblib's array wrapper class names. */
export function isWrapperName(normalized: string): boolean {
  return WRAPPERS.has(normalized);
}

/** True for joblib's array wrapper class (exact names, no subclasses). */
export function isArrayWrapper(ref: GlobalRef): boolean {
  return WRAPPERS.has(ref.verdict.normalized) && ref.verdict.permit !== undefined;
}

/**
 * Could this BUILD target be a NumpyArrayWrapper the walk did not see being
 * made? joblib would then read array bytes after the BUILD, and a walker that
 * does not would lose step with it. That is possible for the result of
 * calling something unnamed, for a memo entry the scan dropped, and, once the
 * wrapper class was passed on as data (to copyreg, a factory, ...), for any
 * object not made by an allowlisted callable. Real joblib dumps do none of these.
 */
export function mayBeWrapper(target: Item, wrapperEscaped: boolean): boolean {
  if (target === LOST_MEMO || (target.k === 'obj' && !target.ref)) return true;
  if (!wrapperEscaped) return false;
  if (target.k === 'unknown') return true;
  if (target.k !== 'obj' || !target.ref) return false;
  return target.ref.verdict.permit?.kind !== 'any' && !isArrayWrapper(target.ref);
}

const INIT_FIELDS = ['subclass', 'shape', 'order', 'dtype', 'allow_mmap', 'numpy_array_alignment_bytes'] as const;

/** `NumpyArrayWrapper(subclass, shape, order, dtype, allow_mmap=False, numpy_array_alignment_bytes=16)`. */
export function wrapperInit(result: CallResult, args: Item | undefined): void {
  if (!args || args.k !== 'tuple' || args.count < 4 || args.count > 6 || args.count !== args.items.length) return;
  result.attrs = new Map<string, Item>([
    ['allow_mmap', FALSE],
    ['numpy_array_alignment_bytes', int(16)],
  ]);
  args.items.forEach((item, i) => result.attrs?.set(INIT_FIELDS[i] ?? '', item));
}

/** What follows a wrapper's BUILD in the file. */
export type ArrayPlan =
  | { readonly kind: 'raw'; readonly padded: boolean; readonly bytes: number }
  | { readonly kind: 'pickle' }
  | { readonly kind: 'unknown'; readonly why: string };

interface DtypeInfo {
  itemsize: number;
  hasObject: boolean;
}

/** Work out the embedded array's layout from the wrapper's simulated attributes. */
export function planArray(wrapper: CallResult): ArrayPlan {
  if (wrapper.attrsLost) return { kind: 'unknown', why: 'its state was set from values the scan could not read' };
  const attrs = wrapper.attrs ?? new Map<string, Item>();
  const dtype = dtypeInfo(attrs.get('dtype'), 0);
  if (typeof dtype === 'string') return { kind: 'unknown', why: dtype };
  const mmap = attrs.get('allow_mmap') ?? FALSE;
  if (dtype.hasObject) {
    // With mmap_mode joblib would memory-map instead of unpickling: two readings of one file.
    if (mmap !== FALSE && !(mmap.k === 'int' && mmap.v === 0)) return { kind: 'unknown', why: 'an object array that also allows memory-mapping, which loaders read in two different ways' };
    return { kind: 'pickle' };
  }
  const count = elementCount(attrs.get('shape'));
  if (typeof count === 'string') return { kind: 'unknown', why: count };
  const align = attrs.get('numpy_array_alignment_bytes');
  if (align && align !== NONE && align.k !== 'int') return { kind: 'unknown', why: 'the alignment setting is not a plain value' };
  const bytes = count * dtype.itemsize;
  if (!Number.isSafeInteger(bytes)) return { kind: 'unknown', why: 'the array size does not fit any real file' };
  return { kind: 'raw', padded: align !== undefined && align !== NONE, bytes };
}

function elementCount(shape: Item | undefined): number | string {
  if (!shape || (shape.k !== 'tuple' && shape.k !== 'list')) return 'the array shape is not a tuple';
  if (shape.count !== shape.items.length) return 'the array shape has too many dimensions';
  let n = 1;
  for (const d of shape.items) {
    if (d.k !== 'int' || d.v === undefined || d.v < 0) return 'the array shape holds something other than sizes';
    n *= d.v;
  }
  return n;
}

const FIXED = /^[<>|=]?([biufcmMO])(\d+)$/;
const FLEXIBLE = /^[<>|=]?([SUVa])(\d*)$/;

/** Item size and object-ness of a simulated `numpy.dtype(...)` call, or why it cannot be told. */
function dtypeInfo(item: Item | undefined, depth: number): DtypeInfo | string {
  if (!item || item.k !== 'obj' || !item.ref || !/^numpy\.dtype$/.test(item.ref.verdict.normalized)) return 'the dtype is not a numpy.dtype call';
  const typestr = item.args?.k === 'tuple' ? item.args.items[0] : undefined;
  if (typestr?.k !== 'str' || typestr.v === undefined) return 'the dtype has no literal type string';
  const st = item.state?.k === 'tuple' && item.state.count === item.state.items.length ? item.state.items : undefined;
  const elsize = st?.[5]?.k === 'int' ? st[5].v : undefined;
  const flags = st?.[7]?.k === 'int' ? st[7].v : undefined;
  const fixed = FIXED.exec(typestr.v);
  const flexible = FLEXIBLE.exec(typestr.v);
  let info: DtypeInfo;
  if (fixed) {
    info = { itemsize: Number(fixed[2]), hasObject: fixed[1] === 'O' };
    if (elsize !== undefined && elsize > 0 && elsize !== info.itemsize) return 'the dtype state disagrees with its type string';
  } else if (flexible) {
    const size = elsize !== undefined && elsize > 0 ? elsize : Number(flexible[2] || 'NaN');
    if (!Number.isFinite(size) || size <= 0) return 'the dtype item size is unknown';
    info = { itemsize: size, hasObject: false };
  } else return `the dtype ${JSON.stringify(typestr.v)} is not one numpy writes`;
  const nested = st ? nestedDtypes(st) : [];
  if (nested === undefined || (nested.length > 0 && depth >= 3)) return 'the structured dtype is too complex to size';
  for (const n of nested) {
    const sub = dtypeInfo(n, depth + 1);
    if (typeof sub === 'string') return sub;
    info.hasObject ||= sub.hasObject;
  }
  // numpy may trust either the flags or the fields; when they disagree the reading is ambiguous.
  if (flags !== undefined && ((flags & 1) !== 0) !== info.hasObject) return 'the dtype flags disagree with its fields about holding Python objects';
  if (st && flags === undefined && st[7] !== undefined) return 'the dtype flags are not a plain number';
  return info;
}

// Sub-dtypes of a structured (fields) or subarray dtype state; undefined when not all were kept.
function nestedDtypes(st: readonly Item[]): Item[] | undefined {
  const out: Item[] = [];
  const sub = st[2];
  if (sub && sub !== NONE) {
    if (sub.k !== 'tuple' || !sub.items[0]) return undefined;
    out.push(sub.items[0]);
  }
  const fields = st[4];
  if (fields && fields !== NONE) {
    if (fields.k !== 'dict' || fields.count !== fields.items.length) return undefined;
    for (let i = 1; i < fields.items.length; i += 2) {
      const entry = fields.items[i];
      if (entry?.k !== 'tuple' || !entry.items[0]) return undefined;
      out.push(entry.items[0]);
    }
  }
  return out;
}
