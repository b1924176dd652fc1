/**
 * A safetensors writer for fixtures and demo models. It writes what it is
 * given without validating shapes against data, so tests can build hostile
 * files (size mismatches, overlaps, huge header lengths) with the same code
 * that builds clean ones.
 */

/** One tensor to write; typed arrays are stored in host byte order (little-endian on x64 and arm64). */
export interface SafetensorsTensorInput {
  dtype: string;
  shape: readonly number[];
  data: Uint8Array | Float32Array | Int32Array | Uint16Array | Float64Array | BigInt64Array;
}

/** Knobs for crafting hostile variants; a clean file needs none of them. */
export interface SafetensorsWriteOptions {
  /** Declared header length instead of the real one (e.g. 2n ** 63n). */
  headerLength?: bigint;
  /** Header JSON text instead of the generated one, space-padded like it (duplicate keys, odd shapes). */
  rawHeader?: string;
  /** Header bytes used verbatim, unpadded (bad UTF-8; takes precedence over `rawHeader`). */
  rawHeaderBytes?: Uint8Array;
  /** Stored `data_offsets` per tensor name instead of the computed ones. */
  dataOffsets?: Readonly<Record<string, readonly [number, number]>>;
  /** Declared shape per tensor name instead of the given one (data is unchanged). */
  shapes?: Readonly<Record<string, readonly (number | string)[]>>;
  /** Bytes appended after the tensor data. */
  trailing?: Uint8Array;
}

const encoder = new TextEncoder();

/** View any supported typed array as its bytes. */
export function tensorBytes(data: SafetensorsTensorInput['data']): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Serialise tensors (in insertion order) and optional `__metadata__` into a
 * safetensors file. The header is padded with spaces to a multiple of 8, as
 * the reference writer does.
 * @example
 * const bytes = writeSafetensors({ w: { dtype: 'F32', shape: [2], data: new Float32Array([1, 2]) } }, { format: 'pt' });
 */
export function writeSafetensors(
  tensors: Readonly<Record<string, SafetensorsTensorInput>>,
  metadata?: Readonly<Record<string, string>>,
  options: SafetensorsWriteOptions = {},
): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata) header.__metadata__ = metadata;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    const bytes = tensorBytes(t.data);
    header[name] = {
      dtype: t.dtype,
      shape: options.shapes?.[name] ?? t.shape,
      data_offsets: options.dataOffsets?.[name] ?? [offset, offset + bytes.length],
    };
    chunks.push(bytes);
    offset += bytes.length;
  }
  let json = options.rawHeaderBytes ?? encoder.encode(options.rawHeader ?? JSON.stringify(header));
  if (!options.rawHeaderBytes && json.length % 8 !== 0) {
    const padded = new Uint8Array(json.length + (8 - (json.length % 8))).fill(0x20);
    padded.set(json);
    json = padded;
  }
  const trailing = options.trailing ?? new Uint8Array(0);
  const out = new Uint8Array(8 + json.length + offset + trailing.length);
  new DataView(out.buffer).setBigUint64(0, options.headerLength ?? BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(trailing, at);
  return out;
}
