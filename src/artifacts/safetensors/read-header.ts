/**
 * The reusable safetensors header reader. The header is an 8-byte
 * little-endian length, then that many bytes of UTF-8 JSON, then the tensor
 * bytes. The length is checked against the file and a cap before anything is
 * allocated; every tensor entry is validated as the reference loader does.
 */
import type { ByteSource } from '../io/byte-source.js';
import { isSafetensorsDtype } from './dtypes.js';
import { findDuplicateKeys } from './json-duplicates.js';
import { checkSafetensorsLayout } from './layout.js';
import type { SafetensorsHeader, SafetensorsProblem, SafetensorsTensor } from './types.js';

/** The largest header the reference implementation accepts (100 MB). */
export const SAFETENSORS_MAX_HEADER = 100_000_000;

/** Options for reading a header. */
export interface SafetensorsReadOptions {
  /** Cap on the header length in bytes; defaults to SAFETENSORS_MAX_HEADER. */
  maxHeaderBytes?: number;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Read and validate a safetensors header without reading tensor data.
 * @example
 * const h = await readSafetensorsHeader(bufferSource('m.safetensors', bytes));
 * h.tensors.map((t) => `${t.name} ${t.dtype} [${t.shape}]`);
 */
export async function readSafetensorsHeader(src: ByteSource, opts: SafetensorsReadOptions = {}): Promise<SafetensorsHeader> {
  const h: SafetensorsHeader = { headerSize: 0, dataStart: 8, dataEnd: 8, tensors: [], problems: [], complete: false };
  const p = h.problems;
  if (src.size < 8) {
    p.push({ code: 'malformed', severity: 'high', offset: 0, message: `file is ${src.size} bytes; a safetensors header needs at least 8` });
    return h;
  }
  const len = new DataView((await src.read(0, 8)).slice().buffer).getBigUint64(0, true);
  const cap = BigInt(opts.maxHeaderBytes ?? SAFETENSORS_MAX_HEADER);
  if (len > cap || len > BigInt(src.size - 8)) {
    const why = len > cap ? `over the ${cap}-byte limit` : `but the file has ${src.size - 8} bytes after the length`;
    p.push({ code: 'header-too-large', severity: 'high', offset: 0, message: `header length is ${len} bytes, ${why}`, evidence: `0x${len.toString(16)}` });
    return h;
  }
  h.headerSize = Number(len);
  h.dataStart = 8 + h.headerSize;
  h.dataEnd = h.dataStart;
  const json = parseHeaderJson(await src.read(8, h.headerSize), p);
  if (!json) return h;
  for (const d of findDuplicateKeys(json.text)) {
    const top = d.path.length === 0;
    p.push({
      code: top ? 'duplicate-tensor' : 'malformed',
      severity: 'high',
      offset: 8 + d.index,
      ...(top ? { tensor: d.key } : { tensor: d.path[0] ?? '' }),
      message: top ? `'${d.key}' appears twice in the header; loaders disagree on which entry wins` : `key '${d.key}' appears twice inside '${d.path.join('.')}'`,
    });
  }
  for (const [name, entry] of Object.entries(json.value)) {
    if (name === '__metadata__') h.metadata = readMetadata(entry, p);
    else {
      const t = readEntry(name, entry, h.dataStart, p);
      if (t) h.tensors.push(t);
    }
  }
  const layout = checkSafetensorsLayout(h.tensors, h.dataStart, src.size);
  h.dataEnd = layout.dataEnd;
  p.push(...layout.problems);
  h.complete = true;
  return h;
}

function parseHeaderJson(bytes: Uint8Array, p: SafetensorsProblem[]): { text: string; value: Record<string, unknown> } | undefined {
  let text: string;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    p.push({ code: 'malformed', severity: 'high', offset: 8, message: 'header is not valid UTF-8' });
    return undefined;
  }
  if (!text.startsWith('{')) {
    p.push({ code: 'malformed', severity: 'high', offset: 8, message: 'header does not start with a JSON object', evidence: text.slice(0, 40) });
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    p.push({ code: 'malformed', severity: 'high', offset: 8, message: `header is not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    p.push({ code: 'malformed', severity: 'high', offset: 8, message: 'header JSON is not an object' });
    return undefined;
  }
  return { text, value: value as Record<string, unknown> };
}

function readMetadata(entry: unknown, p: SafetensorsProblem[]): Record<string, string> | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    p.push({ code: 'malformed', severity: 'medium', offset: 8, message: '__metadata__ is not an object of strings' });
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry)) {
    if (typeof v === 'string') out[k] = v;
    else p.push({ code: 'malformed', severity: 'medium', offset: 8, message: `__metadata__.${k} is ${typeof v}, not a string; the reference loader refuses the file` });
  }
  return out;
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function readEntry(name: string, entry: unknown, dataStart: number, p: SafetensorsProblem[]): SafetensorsTensor | undefined {
  const bad = (why: string): undefined => {
    p.push({ code: 'malformed', severity: 'high', offset: 8, tensor: name, message: `tensor '${name}': ${why}` });
    return undefined;
  };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return bad('entry is not an object');
  const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
  if (typeof dtype !== 'string') return bad('dtype is missing or not a string');
  if (!Array.isArray(shape) || !shape.every(isIndex)) return bad('shape is not a list of non-negative integers');
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isIndex)) return bad('data_offsets is not a pair of non-negative integers');
  const [begin, end] = offsets as [number, number];
  if (end < begin) return bad(`data_offsets end ${end} is before begin ${begin}`);
  if (!isSafetensorsDtype(dtype)) {
    p.push({ code: 'unknown-dtype', severity: 'medium', offset: dataStart + begin, tensor: name, message: `tensor '${name}' has unknown dtype '${dtype.slice(0, 40)}'` });
  }
  return { name, dtype, shape: shape as number[], dataOffsets: [begin, end], start: dataStart + begin, end: dataStart + end };
}
