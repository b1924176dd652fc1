/**
 * The `descr` of a .npy header as numpy's `descr_to_dtype` reads it: a
 * type string (`<f4`, `|O`, `<U10`, `<M8[ns]`) or a structured list of
 * `(name, descr[, shape])` tuples. Only what the scanner needs is computed:
 * the item size and whether any field holds Python objects.
 */
import type { PyValue } from './py-literal.js';

/** What a dtype means for the data that follows the header. */
export interface DtypeInfo {
  itemsize: bigint;
  /** The dtype is or contains `object`: the data is a pickle. */
  hasObject: boolean;
}

const TYPE_STRING = /^([<>|=]?)([a-zA-Z?])(\d*)(\[[a-zA-Z0-9]+\])?$/;
const FIXED: Record<string, bigint> = { '?': 1n, O: 8n, M: 8n, m: 8n };
const SIZED = new Set(['b', 'i', 'u', 'f', 'c', 'S', 'a', 'V', 'U', 'O', 'M', 'm']);
const MAX_FIELDS = 10_000;

/** Interpret a descr value, or return an error message. */
export function readDtype(descr: PyValue, depth = 0): DtypeInfo | string {
  if (depth > 16) return 'dtype nested too deeply';
  if (descr.kind === 'str') return typeString(descr.value);
  if (descr.kind !== 'list') return `descr is a ${descr.kind}, not a string or list`;
  if (descr.items.length > MAX_FIELDS) return `more than ${MAX_FIELDS} fields`;
  let itemsize = 0n;
  let hasObject = false;
  for (const field of descr.items) {
    if (field.kind !== 'tuple' || field.items.length < 2 || field.items.length > 3) return 'structured field is not a (name, type[, shape]) tuple';
    const [, type, shape] = field.items;
    const inner = type ? readDtype(type, depth + 1) : 'missing field type';
    if (typeof inner === 'string') return inner;
    const count = shape ? shapeProduct(shape) : 1n;
    if (typeof count === 'string') return count;
    itemsize += inner.itemsize * count;
    hasObject ||= inner.hasObject;
  }
  return { itemsize, hasObject };
}

function typeString(s: string): DtypeInfo | string {
  const m = TYPE_STRING.exec(s);
  if (!m) return `unreadable type string ${JSON.stringify(s.slice(0, 40))}`;
  const kind = m[2] ?? '';
  const digits = m[3] ?? '';
  const hasObject = kind === 'O';
  if (digits === '') {
    const fixed = FIXED[kind];
    return fixed !== undefined ? { itemsize: fixed, hasObject } : SIZED.has(kind) ? { itemsize: 0n, hasObject } : `unknown type ${kind}`;
  }
  if (!SIZED.has(kind)) return `unknown type ${kind}`;
  const n = BigInt(digits);
  return { itemsize: kind === 'U' ? n * 4n : n, hasObject };
}

/** Product of a shape tuple, or an error message. Shape entries must be non-negative ints. */
export function shapeProduct(shape: PyValue): bigint | string {
  const dims = shape.kind === 'tuple' ? shape.items : shape.kind === 'int' ? [shape] : undefined;
  if (!dims) return 'shape is not a tuple';
  let n = 1n;
  for (const d of dims) {
    if (d.kind !== 'int' || d.value < 0n) return 'shape entry is not a non-negative integer';
    n *= d.value;
  }
  return n;
}
