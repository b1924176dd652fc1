/**
 * Reading GGUF strings and typed metadata values. Every length is checked
 * against the bytes that remain before anything is allocated, so a value
 * claiming 2^60 bytes or items costs one comparison, not a crash.
 */
import type { ByteCursor } from './cursor.js';
import { truncatedAt, type GgufProblem } from './problems.js';
import { GGUF_SCALAR_BYTES, ggufValueType, type GgufArray, type GgufScalar, type GgufValueType } from './value-types.js';

/** Bounds on what the reader keeps in memory and how deep it follows arrays. */
export interface GgufLimits {
  /** Items kept per array; longer arrays are summarised (length + first items). */
  maxArrayItems: number;
  /** Longest string decoded; longer ones are skipped and reported. */
  maxStringBytes: number;
  /** Deepest nesting of arrays inside arrays. */
  maxArrayDepth: number;
  /** Wall-clock deadline (ms since epoch); reading stops with a problem after it. */
  deadline?: number;
}

/** Defaults sized for real vocabularies (250k tokens) and long chat templates. */
export const DEFAULT_GGUF_LIMITS: GgufLimits = {
  maxArrayItems: 1 << 20,
  maxStringBytes: 16 << 20,
  maxArrayDepth: 3,
};

/** Shared state of one header read. */
export interface ReadState {
  cur: ByteCursor;
  limits: GgufLimits;
  problems: GgufProblem[];
}

const decoder = new TextDecoder('utf-8');

/**
 * Read a string (u64 length, then bytes). Returns undefined after recording a
 * problem when the file cannot hold it; `keep: false` skips the bytes.
 */
export async function readString(st: ReadState, what: string, keep = true): Promise<string | undefined> {
  const { cur } = st;
  const at = cur.pos;
  if (!(await cur.need(8))) return fail(st, truncatedAt(at, what));
  const len = cur.u64();
  if (len > BigInt(cur.remaining)) {
    return fail(st, { code: 'out-of-bounds', severity: 'high', offset: at, message: `${what} claims ${len} bytes; ${cur.remaining} remain in the file` });
  }
  const n = Number(len);
  if (!keep) {
    cur.skip(n);
    return '';
  }
  if (n > st.limits.maxStringBytes) {
    st.problems.push({ code: 'malformed', severity: 'medium', offset: at, message: `${what} is ${n} bytes, over the reader limit; not decoded` });
    cur.skip(n);
    return '';
  }
  await cur.need(n);
  return decoder.decode(cur.bytes(n));
}

function fail(st: ReadState, p: GgufProblem): undefined {
  st.problems.push(p);
  return undefined;
}

/** Smallest encoding of one item of a type, for count-versus-size checks. */
function minItemBytes(t: GgufValueType): number {
  return GGUF_SCALAR_BYTES[t] ?? (t === 'string' ? 8 : 12);
}

/** Read one scalar of a fixed-width type (the caller made the bytes available). */
function scalar(cur: ByteCursor, t: GgufValueType): GgufScalar {
  switch (t) {
    case 'uint8': return cur.u8();
    case 'int8': return cur.i8();
    case 'uint16': return cur.u16();
    case 'int16': return cur.i16();
    case 'uint32': return cur.u32();
    case 'int32': return cur.i32();
    case 'float32': return cur.f32();
    case 'bool': return cur.u8() !== 0;
    case 'uint64': return cur.u64();
    case 'int64': return cur.i64();
    case 'float64': return cur.f64();
    default: throw new Error(`not a scalar type: ${t}`);
  }
}

/** Read a value of type `t`; undefined when the file is unreadable from here on. */
export async function readValue(st: ReadState, t: GgufValueType, what: string, depth = 0): Promise<GgufScalar | GgufArray | undefined> {
  if (t === 'string') return readString(st, what);
  if (t === 'array') return readArray(st, what, depth);
  const width = GGUF_SCALAR_BYTES[t] ?? 0;
  const at = st.cur.pos;
  if (!(await st.cur.need(width))) return fail(st, truncatedAt(at, what));
  if (t === 'bool') {
    const b = st.cur.u8();
    if (b > 1) st.problems.push({ code: 'malformed', severity: 'low', offset: at, message: `${what} is a bool holding ${b}` });
    return b !== 0;
  }
  return scalar(st.cur, t);
}

async function readArray(st: ReadState, what: string, depth: number): Promise<GgufArray | undefined> {
  const { cur } = st;
  const at = cur.pos;
  if (!(await cur.need(12))) return fail(st, truncatedAt(at, `${what} (array header)`));
  const typeId = cur.u32();
  const count = cur.u64();
  const itemType = ggufValueType(typeId);
  if (!itemType) return fail(st, { code: 'malformed', severity: 'high', offset: at, message: `${what} is an array of unknown value type ${typeId}` });
  if (itemType === 'array' && depth + 1 >= st.limits.maxArrayDepth) {
    return fail(st, { code: 'malformed', severity: 'high', offset: at, message: `${what} nests arrays deeper than ${st.limits.maxArrayDepth}` });
  }
  if (count * BigInt(minItemBytes(itemType)) > BigInt(cur.remaining)) {
    return fail(st, { code: 'out-of-bounds', severity: 'high', offset: at, message: `${what} claims ${count} items of ${itemType}; ${cur.remaining} bytes remain` });
  }
  const length = Number(count);
  const keep = Math.min(length, st.limits.maxArrayItems);
  const width = GGUF_SCALAR_BYTES[itemType];
  const items: Array<GgufScalar | GgufArray> = [];
  if (width !== undefined) {
    await cur.need(keep * width);
    for (let i = 0; i < keep; i++) items.push(scalar(cur, itemType));
    cur.skip((length - keep) * width);
  } else {
    for (let i = 0; i < length; i++) {
      if ((i & 0xffff) === 0xffff && pastDeadline(st, at, what)) return undefined;
      const v = itemType === 'string' ? await readString(st, `${what}[${i}]`, i < keep) : await readArray(st, `${what}[${i}]`, depth + 1);
      if (v === undefined) return undefined;
      if (i < keep) items.push(v);
    }
  }
  return { itemType, length, items, truncated: keep < length };
}

/** Record a deadline problem and report true once the deadline has passed. */
export function pastDeadline(st: ReadState, offset: number, what: string): boolean {
  if (st.limits.deadline === undefined || Date.now() <= st.limits.deadline) return false;
  st.problems.push({ code: 'deadline', severity: 'high', offset, message: `reading stopped at the scan deadline inside ${what}` });
  return true;
}
