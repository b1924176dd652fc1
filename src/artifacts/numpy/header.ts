/**
 * The .npy header (NEP 1): magic `\x93NUMPY`, version 1.0 / 2.0 / 3.0, a
 * little-endian header length (2 bytes in v1, 4 in v2 and v3), then a Python
 * dict literal with exactly `descr`, `fortran_order` and `shape`.
 */
import type { ByteSource } from '../io/byte-source.js';
import { latin1, u16, u32 } from '../zip/bytes.js';
import { readDtype, shapeProduct, type DtypeInfo } from './dtype.js';
import { parsePyLiteral } from './py-literal.js';

/** numpy's default `max_header_size`; larger headers need it raised. */
export const NUMPY_MAX_HEADER = 10_000;
/** Largest header this scanner reads. */
const READ_LIMIT = 1024 * 1024;

/** A valid header. */
export interface NpyHeader {
  version: string;
  /** Offset of the array data. */
  dataOffset: number;
  headerLength: number;
  dtype: DtypeInfo;
  /** Number of elements (product of the shape). */
  count: bigint;
}

/** Parse outcome: a header, or an error and whether it was cut short by the file. */
export type NpyParse = { ok: true; header: NpyHeader } | { ok: false; error: string; offset: number };

/** Read and validate the header of `src`. */
export async function readNpyHeader(src: ByteSource): Promise<NpyParse> {
  const pre = await src.read(0, 12);
  if (pre[0] !== 0x93 || latin1(pre.subarray(1, 6)) !== 'NUMPY') return { ok: false, error: 'no .npy magic', offset: 0 };
  const major = pre[6] ?? 0;
  const minor = pre[7] ?? 0;
  if (!((major === 1 || major === 2 || major === 3) && minor === 0)) return { ok: false, error: `unknown format version ${major}.${minor}`, offset: 6 };
  const lengthBytes = major === 1 ? 2 : 4;
  const headerLength = major === 1 ? u16(pre, 8) : u32(pre, 8);
  const start = 8 + lengthBytes;
  if (headerLength > READ_LIMIT) return { ok: false, error: `header claims ${headerLength} bytes`, offset: 8 };
  if (start + headerLength > src.size) return { ok: false, error: 'header runs past the end of the file', offset: 8 };
  const raw = await src.read(start, headerLength);
  const text = major === 3 ? new TextDecoder('utf-8').decode(raw) : latin1(raw);
  const dict = parseHeaderDict(text);
  if (typeof dict === 'string') return { ok: false, error: dict, offset: start };
  return { ok: true, header: { version: `${major}.${minor}`, dataOffset: start + headerLength, headerLength, ...dict } };
}

function parseHeaderDict(text: string): { dtype: DtypeInfo; count: bigint } | string {
  const parsed = parsePyLiteral(text);
  if (!parsed.ok) return `header is not a Python literal (${parsed.error})`;
  if (parsed.value.kind !== 'dict') return 'header is not a dict';
  const fields = new Map<string, (typeof parsed.value.entries)[number][1]>();
  for (const [k, v] of parsed.value.entries) {
    if (k.kind !== 'str') return 'header has a non-string key';
    fields.set(k.value, v);
  }
  const keys = [...fields.keys()].sort().join(',');
  if (keys !== 'descr,fortran_order,shape') return `header keys are {${keys}}, not {descr, fortran_order, shape}`;
  if (fields.get('fortran_order')?.kind !== 'bool') return 'fortran_order is not a bool';
  const shape = fields.get('shape');
  const count = shape?.kind === 'tuple' ? shapeProduct(shape) : 'shape is not a tuple';
  if (typeof count === 'string') return count;
  const descr = fields.get('descr');
  const dtype = descr ? readDtype(descr) : 'missing descr';
  if (typeof dtype === 'string') return dtype;
  return { dtype, count };
}

/**
 * True when `head` (the first bytes of a member too large to inflate) is a
 * valid .npy header for a plain dtype: the rest is array data that np.load
 * never interprets as code, so not inspecting it hides nothing.
 */
export async function isPlainNpyHead(head: Uint8Array): Promise<boolean> {
  const parsed = await readNpyHeader({ name: 'head', size: Number.MAX_SAFE_INTEGER, read: async (o, n) => head.subarray(o, o + n) });
  return parsed.ok && !parsed.header.dtype.hasObject;
}
