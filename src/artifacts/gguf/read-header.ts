/**
 * The reusable GGUF header reader: magic, version, metadata, tensor infos
 * and data layout. It never throws on bad bytes; what it cannot accept becomes
 * a problem, and `complete` says whether it reached the end of the header.
 */
import type { ByteSource } from '../io/byte-source.js';
import { ByteCursor } from './cursor.js';
import { ggmlType, tensorSize } from './ggml-types.js';
import { truncatedAt, type GgufProblem } from './problems.js';
import { DEFAULT_GGUF_LIMITS, pastDeadline, readString, readValue, type GgufLimits, type ReadState } from './read-kv.js';
import { checkTensorLayout } from './tensor-layout.js';
import type { GgufHeader, GgufTensorInfo } from './header-types.js';
import { ggufValueType, type GgufKv } from './value-types.js';

/** The alignment GGUF uses when `general.alignment` is absent. */
export const GGUF_DEFAULT_ALIGNMENT = 32;
/** Longest tensor name llama.cpp accepts (GGML_MAX_NAME minus the terminator). */
export const GGUF_MAX_TENSOR_NAME = 63;
/** Most dimensions a ggml tensor has. */
export const GGUF_MAX_DIMS = 4;

const MIN_KV_BYTES = 8 + 4 + 1;
const MIN_TENSOR_INFO_BYTES = 8 + 4 + 4 + 8;

/**
 * Read a GGUF header (v2 or v3) from any ByteSource without reading tensor data.
 * @example
 * const h = await readGgufHeader(await fileSource('model.gguf'));
 * h.kv.get('general.architecture')?.value; // 'llama'
 */
export async function readGgufHeader(src: ByteSource, limits: Partial<GgufLimits> = {}): Promise<GgufHeader> {
  const st: ReadState = { cur: new ByteCursor(src), limits: { ...DEFAULT_GGUF_LIMITS, ...limits }, problems: [] };
  const h: GgufHeader = {
    version: 0,
    tensorCount: 0n,
    kvCount: 0n,
    kv: new Map(),
    entries: [],
    tensors: [],
    alignment: GGUF_DEFAULT_ALIGNMENT,
    dataStart: src.size,
    dataEnd: src.size,
    complete: false,
    problems: st.problems,
  };
  if (!(await readPreamble(st, h))) return h;
  if (!(await readKvs(st, h))) return h;
  h.alignment = alignmentOf(h, st.problems);
  if (!(await readTensorInfos(st, h))) return h;
  h.complete = true;
  const layout = checkTensorLayout(h.tensors, h.alignment, st.cur.pos, src.size);
  h.dataStart = layout.dataStart;
  h.dataEnd = layout.dataEnd;
  st.problems.push(...layout.problems);
  return h;
}

async function readPreamble(st: ReadState, h: GgufHeader): Promise<boolean> {
  const { cur, problems } = st;
  if (!(await cur.need(8))) return stop(problems, truncatedAt(0, 'the GGUF preamble'));
  const magic = cur.bytes(4);
  if (String.fromCharCode(...magic) !== 'GGUF') {
    problems.push({ code: 'malformed', severity: 'high', offset: 0, message: 'missing GGUF magic', evidence: hex(magic) });
    return false;
  }
  const version = cur.u32();
  const swapped = ((version & 0xff) << 24) | ((version & 0xff00) << 8) | ((version >>> 8) & 0xff00) | (version >>> 24);
  if (version > 0xffff && swapped >= 1 && swapped <= 3) {
    h.version = swapped;
    problems.push({
      code: 'big-endian',
      severity: 'medium',
      offset: 4,
      message: `big-endian GGUF v${swapped}: little-endian loaders misread every number in it; not parsed further`,
      evidence: `version bytes ${hex(new Uint8Array([version & 0xff, (version >>> 8) & 0xff, (version >>> 16) & 0xff, version >>> 24]))}`,
    });
    return false;
  }
  h.version = version;
  if (version !== 2 && version !== 3) {
    problems.push({ code: 'unsupported-version', severity: 'medium', offset: 4, message: `GGUF version ${version} is not supported (v2 and v3 are)` });
    return false;
  }
  if (!(await cur.need(16))) return stop(problems, truncatedAt(8, 'the tensor and KV counts'));
  h.tensorCount = cur.u64();
  h.kvCount = cur.u64();
  const needed = h.tensorCount * BigInt(MIN_TENSOR_INFO_BYTES) + h.kvCount * BigInt(MIN_KV_BYTES);
  if (needed > BigInt(cur.remaining)) {
    problems.push({
      code: 'out-of-bounds',
      severity: 'high',
      offset: 8,
      message: `header claims ${h.tensorCount} tensors and ${h.kvCount} KV pairs; the ${cur.remaining} remaining bytes cannot hold them`,
    });
    return false;
  }
  return true;
}

async function readKvs(st: ReadState, h: GgufHeader): Promise<boolean> {
  const { cur, problems } = st;
  const count = Number(h.kvCount);
  for (let i = 0; i < count; i++) {
    const at = cur.pos;
    if ((i & 0xff) === 0xff && pastDeadline(st, at, 'the metadata')) return false;
    const key = await readString(st, `key of KV #${i}`);
    if (key === undefined) return false;
    if (!(await cur.need(4))) return stop(problems, truncatedAt(cur.pos, `the type of ${key}`));
    const typeId = cur.u32();
    const type = ggufValueType(typeId);
    if (!type) {
      problems.push({ code: 'malformed', severity: 'high', offset: at, key, message: `${key} has unknown value type ${typeId}` });
      return false;
    }
    const value = await readValue(st, type, key);
    if (value === undefined) return false;
    const entry: GgufKv = { key, type, value, offset: at };
    h.entries.push(entry);
    if (h.kv.has(key)) {
      problems.push({ code: 'duplicate-key', severity: 'high', offset: at, key, message: `key ${key} appears more than once; readers disagree on which value wins` });
    } else {
      h.kv.set(key, entry);
    }
  }
  return true;
}

function alignmentOf(h: GgufHeader, problems: GgufProblem[]): number {
  const e = h.kv.get('general.alignment');
  if (!e) return GGUF_DEFAULT_ALIGNMENT;
  const v = e.value;
  if (e.type === 'uint32' && typeof v === 'number' && v > 0 && (v & (v - 1)) === 0) return v;
  problems.push({
    code: 'malformed',
    severity: 'medium',
    offset: e.offset,
    key: e.key,
    message: `general.alignment must be a power-of-two uint32; got ${e.type} ${String(v)} (using ${GGUF_DEFAULT_ALIGNMENT})`,
  });
  return GGUF_DEFAULT_ALIGNMENT;
}

async function readTensorInfos(st: ReadState, h: GgufHeader): Promise<boolean> {
  const { cur, problems } = st;
  const count = Number(h.tensorCount);
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const at = cur.pos;
    if ((i & 0xff) === 0xff && pastDeadline(st, at, 'the tensor infos')) return false;
    const name = await readString(st, `name of tensor #${i}`);
    if (name === undefined) return false;
    if (!(await cur.need(4))) return stop(problems, truncatedAt(cur.pos, `tensor ${name}`));
    const nDims = cur.u32();
    if (nDims > GGUF_MAX_DIMS) {
      problems.push({ code: 'malformed', severity: 'high', offset: at, tensor: name, message: `tensor ${name} has ${nDims} dimensions; ggml allows ${GGUF_MAX_DIMS}` });
      return false;
    }
    if (!(await cur.need(nDims * 8 + 12))) return stop(problems, truncatedAt(at, `tensor ${name}`));
    const dims: bigint[] = [];
    for (let d = 0; d < nDims; d++) dims.push(cur.u64());
    const typeId = cur.u32();
    const offset = cur.u64();
    const info: GgufTensorInfo = { name, dims, typeId, offset, infoOffset: at };
    const t = ggmlType(typeId);
    if (t) info.type = t.name;
    const size = tensorSize(typeId, dims);
    if (size.ok) info.bytes = size.bytes;
    h.tensors.push(info);
    if (Buffer.byteLength(name) > GGUF_MAX_TENSOR_NAME) {
      problems.push({ code: 'malformed', severity: 'medium', offset: at, tensor: name, message: `tensor name is ${Buffer.byteLength(name)} bytes; llama.cpp allows ${GGUF_MAX_TENSOR_NAME}` });
    }
    if (seen.has(name)) problems.push({ code: 'duplicate-tensor', severity: 'high', offset: at, tensor: name, message: `tensor ${name} is declared more than once` });
    seen.add(name);
  }
  return true;
}

function stop(problems: GgufProblem[], p: GgufProblem): false {
  problems.push(p);
  return false;
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
}
