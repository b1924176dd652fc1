/**
 * Fixture files built from the pickle writer: a legacy (pre-zip) torch save
 * and joblib dumps with inline numpy arrays, laid out the way torch.save and
 * joblib.dump write them.
 */
import { PickleBuilder, longBytes, torchLikeStateDict, writeTuple, type FakeTensor } from '../../writers/pickle-writer.js';
import { TORCH_LEGACY_MAGIC } from '../sequence.js';

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * `torch.save(obj, f, _use_new_zipfile_serialization=False)`: magic number,
 * protocol version, sys info, the object, storage keys, then raw storages
 * (8-byte element count + float32 data each).
 */
export function legacyTorchSave(tensors: readonly FakeTensor[], replace: { object?: Uint8Array; keys?: Uint8Array } = {}): Uint8Array {
  const magic = new PickleBuilder({ protocol: 2 }).long1(TORCH_LEGACY_MAGIC).stop().toBytes();
  const version = new PickleBuilder({ protocol: 2 }).int(1001).stop().toBytes();
  const info = new PickleBuilder({ protocol: 2 }).emptyDict().memo().mark();
  info.str('protocol_version').memo().int(1001).str('little_endian').memo().bool(true).str('type_sizes').memo();
  info.emptyDict().memo().mark().str('short').memo().int(2).str('int').memo().int(4).str('long').memo().int(4).setitems();
  info.setitems().stop();
  const keys = new PickleBuilder({ protocol: 2 }).emptyList().memo().mark();
  tensors.forEach((_, i) => keys.str(String(i)).memo());
  keys.appends().stop();
  const storages = tensors.map((t) => {
    const numel = t.shape.reduce((a, b) => a * b, 1);
    const data = new Uint8Array(8 + numel * 4);
    new DataView(data.buffer).setBigUint64(0, BigInt(numel), true);
    data.fill(0x7f, 8); // bytes no pickle opcode sequence would accept as a stream start
    return data;
  });
  const object = replace.object ?? torchLikeStateDict(tensors);
  return concat([magic, version, info.toBytes(), object, replace.keys ?? keys.toBytes(), ...storages]);
}

/** One array of a fake joblib dump. */
export interface JoblibArray {
  shape: readonly number[];
  /** numpy type string such as `f8`, `i4`, `U5` or `O8`. */
  typestr: string;
  /** Item size for flexible types (U, S, V); dtype flags for object arrays. */
  elsize?: number;
  flags?: number;
  /** Bytes that follow the wrapper: raw data, or a whole pickle for object arrays. */
  payload: Uint8Array;
  /** Write the alignment byte and padding (joblib >= 1.2). */
  aligned?: boolean;
}

/** The wrapper `joblib.dump` writes in place of each array: NEWOBJ + BUILD(state dict). */
export function writeArrayWrapper(p: PickleBuilder, a: JoblibArray): void {
  p.import('joblib.numpy_pickle', 'NumpyArrayWrapper').memo().emptyTuple().newobj().memo().emptyDict().memo().mark();
  p.str('subclass').memo().import('numpy', 'ndarray').memo();
  p.str('shape').memo();
  writeTuple(p, a.shape.map((d) => (q: PickleBuilder) => void q.int(d)));
  p.str('order').memo().str('C').memo().str('dtype').memo();
  p.import('numpy', 'dtype').memo();
  writeTuple(p, [(q) => void q.str(a.typestr).memo(), (q) => void q.bool(false), (q) => void q.bool(true)]).reduce().memo();
  writeTuple(p, [3, '|', null, null, null, a.elsize ?? -1, -1, a.flags ?? 0].map((v) => (q: PickleBuilder) => {
    if (v === null) q.none();
    else if (typeof v === 'string') q.str(v).memo();
    else q.int(v);
  })).build();
  p.str('allow_mmap').memo().bool(a.typestr[0] !== 'O');
  if (a.aligned !== false) p.str('numpy_array_alignment_bytes').memo().int(16);
  p.setitems().build();
}

/** A joblib dump of a list of arrays (protocol 4, as joblib writes by default). */
export function joblibDump(arrays: readonly JoblibArray[], tail?: (p: PickleBuilder) => void): Uint8Array {
  const p = new PickleBuilder({ protocol: 4 });
  p.emptyList().memo().mark();
  const parts: Uint8Array[] = [];
  for (const a of arrays) {
    writeArrayWrapper(p, a);
    const head = p.toBytes();
    const written = parts.reduce((n, x) => n + x.length, 0) + head.length;
    parts.push(head);
    if (a.aligned !== false) {
      const pad = 16 - ((written + 1) % 16);
      parts.push(Uint8Array.of(pad), new Uint8Array(pad).fill(0xff));
    }
    parts.push(a.payload);
    p.reset();
  }
  p.appends();
  tail?.(p);
  parts.push(p.stop().toBytes());
  return concat(parts);
}

/** Bytes of a little-endian LONG, re-exported for magic-number tests. */
export const magicBytes = longBytes(TORCH_LEGACY_MAGIC);
