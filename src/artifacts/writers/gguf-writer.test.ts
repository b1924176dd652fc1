import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDir } from '../../../test/support/temp-dir.js';
import { bufferSource } from '../io/byte-source.js';
import { tensorDataRange } from '../gguf/kv-access.js';
import { readGgufHeader } from '../gguf/read-header.js';
import { isGgufArray } from '../gguf/value-types.js';
import { gv, writeGguf, writeGgufFile, type GgufWriteSpec, type GgufWriteValue } from './gguf-writer.js';

const kv: Record<string, GgufWriteValue> = {
  'general.architecture': gv.str('llama'),
  'a.u8': gv.u8(255),
  'a.i8': { type: 'int8', value: -128 },
  'a.u16': { type: 'uint16', value: 65535 },
  'a.i16': { type: 'int16', value: -32768 },
  'a.u32': gv.u32(4294967295),
  'a.i32': gv.i32(-2147483648),
  'a.f32': gv.f32(0.5),
  'a.bool': gv.bool(false),
  'a.u64': gv.u64((1n << 64n) - 1n),
  'a.i64': { type: 'int64', value: -(1n << 63n) },
  'a.f64': gv.f64(1e-300),
  'a.strs': gv.strs(['', 'x', '日本']),
  'a.f32s': gv.f32s([1.5, -2]),
  'a.bools': gv.arr('bool', [true, false]),
  'a.nested': gv.arr('array', [gv.strs(['p']), gv.strs([])]),
};
const spec: GgufWriteSpec = {
  kv,
  alignment: 16,
  tensors: [
    { name: 'w', type: 'F32', dims: [4, 2], data: new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]) },
    { name: 'q', type: 'Q4_K', dims: [256], data: new Uint8Array(144).fill(3) },
    { name: 'h', type: 'F16', dims: [3], data: new Uint8Array([1, 2, 3, 4, 5, 6]) },
  ],
};

/** Plain values of a KV map (arrays as nested item lists) for comparison. */
function plain(v: GgufWriteValue | { itemType: string; values: readonly unknown[] }): unknown {
  if ('values' in v) return v.values.map((x) => (typeof x === 'object' && x !== null ? plain(x as GgufWriteValue) : x));
  return v.value;
}

describe('writeGguf', () => {
  it('round-trips every value type, tensor info and tensor bytes', async () => {
    const bytes = writeGguf(spec);
    const h = await readGgufHeader(bufferSource('m.gguf', bytes));
    expect(h.problems).toEqual([]);
    expect(h.alignment).toBe(16);
    for (const [key, v] of Object.entries(kv)) {
      const got = h.kv.get(key);
      expect(got?.type).toBe(v.type);
      const value = got && isGgufArray(got.value) ? got.value.items.map((x) => (typeof x === 'object' ? x.items : x)) : got?.value;
      expect(value, key).toEqual(key === 'a.f32s' ? [1.5, -2] : plain(v));
    }
    for (const t of spec.tensors ?? []) {
      const info = h.tensors.find((x) => x.name === t.name)!;
      expect(info.dims).toEqual(t.dims.map(BigInt));
      const r = tensorDataRange(h, info, bytes.length)!;
      const data = t.data instanceof Float32Array ? new Uint8Array(t.data.buffer) : t.data;
      expect(bytes.slice(r.start, r.end)).toEqual(data);
    }
  });

  it('streams the same bytes to a file, calling lazy tensor data', async () => {
    const { path, cleanup } = await createTempDir();
    try {
      const file = join(path, 'm.gguf');
      const lazy = { ...spec, tensors: spec.tensors?.map((t) => ({ ...t, data: () => t.data as Uint8Array })) };
      await writeGgufFile(file, lazy);
      expect(new Uint8Array(await readFile(file))).toEqual(writeGguf(spec));
    } finally {
      await cleanup();
    }
  });

  it('writes declared counts, offsets and trailing bytes on request', async () => {
    const bytes = writeGguf({ kv: {}, tensorCount: 9n, kvCount: 1n << 40n, trailing: new Uint8Array([7]) });
    const view = new DataView(bytes.buffer);
    expect([view.getBigUint64(8, true), view.getBigUint64(16, true), bytes.at(-1)]).toEqual([9n, 1n << 40n, 7]);
    expect(() => writeGguf({ kv: {}, tensors: [{ name: 'x', type: 'NOPE', dims: [1], data: new Uint8Array(1) }] })).toThrow(/unknown ggml type/);
  });
});
