import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { gv, writeGguf, type GgufWriteSpec } from '../writers/gguf-writer.js';
import { ggufArray, ggufNumber, ggufString, tensorDataRange } from './kv-access.js';
import { readGgufHeader } from './read-header.js';

const read = (bytes: Uint8Array, limits = {}) => readGgufHeader(bufferSource('t.gguf', bytes), limits);

/** Little-endian bytes by hand, for headers the writer would never produce. */
function raw(...parts: Array<number[] | bigint | string | Uint8Array>): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'bigint') for (let i = 0n; i < 8n; i++) out.push(Number((p >> (8n * i)) & 0xffn));
    else if (typeof p === 'string') out.push(...new TextEncoder().encode(p));
    else out.push(...p);
  }
  return new Uint8Array(out);
}
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];

const spec: GgufWriteSpec = {
  kv: {
    'general.architecture': gv.str('llama'),
    'general.name': gv.str('round ✓ trip'),
    'test.u8': gv.u8(200),
    'test.i32': gv.i32(-7),
    'test.u64': gv.u64(1n << 60n),
    'test.i64': { type: 'int64', value: -(1n << 62n) },
    'test.f64': gv.f64(Math.PI),
    'test.bool': gv.bool(true),
    'test.strings': gv.strs(['<unk>', '<s>', 'héllo']),
    'test.nested': gv.arr('array', [gv.i32s([1, 2]), gv.i32s([3])]),
  },
  tensors: [
    { name: 'a', type: 'F32', dims: [3, 2], data: new Float32Array([1, 2, 3, 4, 5, 6]) },
    { name: 'b', type: 'Q8_0', dims: [32], data: new Uint8Array(34).fill(7) },
  ],
};

describe('readGgufHeader on writer output', () => {
  it('reads back every KV with its type and every tensor info', async () => {
    const bytes = writeGguf(spec);
    const h = await read(bytes);
    expect(h.problems).toEqual([]);
    expect(h.complete).toBe(true);
    expect(h.version).toBe(3);
    expect(ggufString(h, 'general.name')).toBe('round ✓ trip');
    expect(ggufNumber(h, 'test.u8')).toBe(200);
    expect(h.kv.get('test.i32')?.value).toBe(-7);
    expect(h.kv.get('test.u64')?.value).toBe(1n << 60n);
    expect(h.kv.get('test.i64')?.value).toBe(-(1n << 62n));
    expect(h.kv.get('test.f64')?.value).toBe(Math.PI);
    expect(h.kv.get('test.bool')?.value).toBe(true);
    expect(ggufArray(h, 'test.strings')?.items).toEqual(['<unk>', '<s>', 'héllo']);
    expect(ggufArray(h, 'test.nested')?.items).toEqual([
      { itemType: 'int32', length: 2, items: [1, 2], truncated: false },
      { itemType: 'int32', length: 1, items: [3], truncated: false },
    ]);
    expect(h.tensors.map((t) => [t.name, t.type, t.dims, t.offset, t.bytes])).toEqual([
      ['a', 'F32', [3n, 2n], 0n, 24n],
      ['b', 'Q8_0', [32n], 32n, 34n],
    ]);
    const r = tensorDataRange(h, h.tensors[0]!, bytes.length)!;
    expect(new Float32Array(bytes.slice(r.start, r.end).buffer)).toEqual(new Float32Array([1, 2, 3, 4, 5, 6]));
    expect(h.dataEnd).toBe(bytes.length);
  });

  it('honours general.alignment and reads v2 files', async () => {
    const h = await read(writeGguf({ ...spec, version: 2, alignment: 64 }));
    expect(h.problems).toEqual([]);
    expect(h.version).toBe(2);
    expect(h.alignment).toBe(64);
    expect(h.tensors[1]?.offset).toBe(64n);
    expect(h.dataStart % 64).toBe(0);
  });

  it('summarises arrays longer than the item limit', async () => {
    const h = await read(writeGguf({ kv: { big: gv.i32s(Array.from({ length: 1000 }, (_, i) => i)), s: gv.strs(['a', 'b', 'c']) } }), { maxArrayItems: 2 });
    expect(h.problems).toEqual([]);
    expect(ggufArray(h, 'big')).toEqual({ itemType: 'int32', length: 1000, items: [0, 1], truncated: true });
    expect(ggufArray(h, 's')?.items).toEqual(['a', 'b']);
  });
});

describe('readGgufHeader on hostile headers', () => {
  it('stops at a string claiming 2^60 bytes without allocating it', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const t0 = Date.now();
    const h = await read(raw('GGUF', u32(3), 0n, 1n, 1n << 60n, 'x'.repeat(64)));
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
    expect(h.complete).toBe(false);
    expect(h.problems.map((p) => [p.code, p.severity])).toEqual([['out-of-bounds', 'high']]);
  });

  it('rejects tensor and KV counts the file cannot hold', async () => {
    const h = await read(raw('GGUF', u32(3), 1n << 62n, 1n << 62n, new Uint8Array(64)));
    expect(h.problems.map((p) => p.code)).toEqual(['out-of-bounds']);
    expect(h.problems[0]?.message).toContain('4611686018427387904 tensors');
  });

  it('rejects array counts the file cannot hold', async () => {
    const h = await read(raw('GGUF', u32(3), 0n, 1n, 1n, 'k', u32(9), u32(6), 1n << 58n, new Uint8Array(32)));
    expect(h.problems.map((p) => [p.code, p.key ?? p.message])).toEqual([['out-of-bounds', 'k claims 288230376151711744 items of float32; 32 bytes remain']]);
  });

  it('bounds nesting of arrays in arrays', async () => {
    let v = gv.i32s([1]);
    for (let i = 0; i < 5; i++) v = gv.arr('array', [v]);
    const h = await read(writeGguf({ kv: { deep: v } }));
    expect(h.problems.map((p) => p.code)).toEqual(['malformed']);
    expect(h.problems[0]?.message).toContain('nests arrays deeper than 3');
  });

  it('reports unknown value types, bad bools, too many dims and long names', async () => {
    const badType = await read(raw('GGUF', u32(3), 0n, 1n, 1n, 'k', u32(13), new Uint8Array(16)));
    expect(badType.problems.map((p) => p.message)).toEqual(['k has unknown value type 13']);
    const badBool = await read(raw('GGUF', u32(3), 0n, 1n, 1n, 'k', u32(7), [2], new Uint8Array(16)));
    expect(badBool.problems.map((p) => [p.code, p.severity])).toEqual([['malformed', 'low']]);
    const dims = await read(raw('GGUF', u32(3), 1n, 0n, 1n, 't', u32(5), new Uint8Array(80)));
    expect(dims.problems.map((p) => p.message)).toEqual(['tensor t has 5 dimensions; ggml allows 4']);
    const long = await read(writeGguf({ kv: {}, tensors: [{ name: 'n'.repeat(64), type: 'F32', dims: [1], data: new Float32Array(1) }] }));
    expect(long.problems.map((p) => [p.code, p.severity])).toEqual([['malformed', 'medium']]);
  });

  it('recognises big-endian and v1 files instead of misparsing them', async () => {
    const be = await read(raw('GGUF', [0, 0, 0, 3], new Uint8Array(16)));
    expect(be.version).toBe(3);
    expect(be.problems.map((p) => p.code)).toEqual(['big-endian']);
    const v1 = await read(raw('GGUF', u32(1), new Uint8Array(16)));
    expect(v1.problems.map((p) => p.code)).toEqual(['unsupported-version']);
  });

  it('reports truncation anywhere in the header', async () => {
    const full = writeGguf(spec);
    for (const cut of [3, 7, 20, 40, 100, 200]) {
      const h = await read(full.subarray(0, cut));
      expect(h.complete).toBe(false);
      expect(h.problems.length).toBeGreaterThan(0);
    }
  });

  it('stops at the deadline', async () => {
    const h = await read(writeGguf({ kv: { s: gv.strs(Array.from({ length: 70_000 }, () => 'x')) } }), { deadline: Date.now() - 1 });
    expect(h.problems.map((p) => p.code)).toEqual(['deadline']);
  });
});
