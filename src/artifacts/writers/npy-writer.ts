/**
 * .npy fixture writer for tests and the demo: any descr, shape and version,
 * raw data or a pickle for object arrays, and a verbatim header for hostile
 * variants.
 */

/** What to write. */
export interface NpyWriterOptions {
  /** Type string or structured descr, written as a Python literal (e.g. `'<f4'` or `[('a', '<f4'), ('b', '|O')]`). */
  descr: string;
  shape: readonly number[];
  fortranOrder?: boolean;
  /** Array bytes, or the pickle that follows the header for object arrays. */
  data?: Uint8Array;
  version?: 1 | 2 | 3;
  /** Header text written verbatim instead of the generated dict. */
  header?: string;
}

/** Quote a descr string the way numpy writes it (`'<f4'`). */
export function pyString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Build a .npy file in memory. */
export function writeNpy(opts: NpyWriterOptions): Uint8Array {
  const version = opts.version ?? 1;
  const shape = opts.shape.length === 1 ? `(${opts.shape[0]},)` : `(${opts.shape.join(', ')})`;
  const descr = opts.descr.startsWith('[') ? opts.descr : pyString(opts.descr);
  const dict = opts.header ?? `{'descr': ${descr}, 'fortran_order': ${opts.fortranOrder ? 'True' : 'False'}, 'shape': ${shape}, }`;
  const lengthBytes = version === 1 ? 2 : 4;
  const encoded = new TextEncoder().encode(dict);
  // numpy pads with spaces so the data starts on a 64-byte boundary, ending the header with a newline.
  const unpadded = 8 + lengthBytes + encoded.length + 1;
  const pad = opts.header !== undefined ? 0 : (64 - (unpadded % 64)) % 64;
  const headerLength = encoded.length + pad + (opts.header !== undefined ? 0 : 1);
  const data = opts.data ?? new Uint8Array(0);
  const out = new Uint8Array(8 + lengthBytes + headerLength + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0], 0);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, headerLength, true);
  else view.setUint32(8, headerLength, true);
  const start = 8 + lengthBytes;
  out.set(encoded, start);
  if (opts.header === undefined) {
    out.fill(0x20, start + encoded.length, start + encoded.length + pad);
    out[start + encoded.length + pad] = 0x0a;
  }
  out.set(data, start + headerLength);
  return out;
}
