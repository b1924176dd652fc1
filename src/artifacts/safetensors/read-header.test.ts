import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { writeSafetensors, type SafetensorsWriteOptions } from '../writers/safetensors-writer.js';
import { safetensorsByteSize } from './dtypes.js';
import { findDuplicateKeys } from './json-duplicates.js';
import { readSafetensorsHeader } from './read-header.js';

const w = { w: { dtype: 'F32', shape: [2, 2], data: new Float32Array([1, 2, 3, 4]) }, b: { dtype: 'BF16', shape: [3], data: new Uint16Array([1, 2, 3]) } };
const read = (opts: SafetensorsWriteOptions = {}, tensors: Parameters<typeof writeSafetensors>[0] = w) =>
  readSafetensorsHeader(bufferSource('m.safetensors', writeSafetensors(tensors, { format: 'pt' }, opts)));
const codes = (h: Awaited<ReturnType<typeof read>>) => h.problems.map((p) => [p.code, p.severity]);

describe('readSafetensorsHeader', () => {
  it('reads tensors, offsets and metadata of a clean file', async () => {
    const h = await read();
    expect(h.problems).toEqual([]);
    expect(h.metadata).toEqual({ format: 'pt' });
    expect(h.headerSize % 8).toBe(0);
    expect(h.tensors.map((t) => [t.name, t.dtype, t.shape, t.dataOffsets])).toEqual([
      ['w', 'F32', [2, 2], [0, 16]],
      ['b', 'BF16', [3], [16, 22]],
    ]);
    expect(h.tensors[0]?.start).toBe(h.dataStart);
  });

  it('rejects a header length of 2^63 at once, without allocating', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const h = await read({ headerLength: 1n << 63n });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 << 20);
    expect(codes(h)).toEqual([['header-too-large', 'high']]);
    expect(h.complete).toBe(false);
  });

  it('applies the 100 MB cap and the file-size bound separately', async () => {
    const capped = await readSafetensorsHeader(bufferSource('m', writeSafetensors(w)), { maxHeaderBytes: 16 });
    expect(capped.problems[0]?.message).toMatch(/over the 16-byte limit/);
    const beyond = await read({ headerLength: 1_000_000n });
    expect(beyond.problems[0]?.message).toMatch(/but the file has/);
  });

  it('reports bad UTF-8, non-JSON, non-object and tiny files as malformed', async () => {
    expect(codes(await read({ rawHeaderBytes: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }))).toEqual([['malformed', 'high']]);
    expect(codes(await read({ rawHeader: '{"a": ' }))).toEqual([['malformed', 'high']]);
    expect(codes(await read({ rawHeader: '[1, 2]' }))).toEqual([['malformed', 'high']]);
    const tiny = await readSafetensorsHeader(bufferSource('m', new Uint8Array(3)));
    expect(codes(tiny)).toEqual([['malformed', 'high']]);
  });

  it('validates entries and metadata values', async () => {
    const bad = await read({ rawHeader: JSON.stringify({ __metadata__: { n: 1 }, x: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] }, y: 'no' }) }, {});
    expect(bad.problems.map((p) => p.message)).toEqual([
      "__metadata__.n is number, not a string; the reference loader refuses the file",
      "tensor 'x': shape is not a list of non-negative integers",
      "tensor 'y': entry is not an object",
    ]);
  });

  it('detects duplicate tensor names that JSON.parse would hide', async () => {
    const header = '{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}';
    const h = await read({ rawHeader: header }, { w: { dtype: 'F32', shape: [2], data: new Float32Array(2) } });
    expect(h.problems.filter((p) => p.code === 'duplicate-tensor').map((p) => p.tensor)).toEqual(['w']);
  });

  it('computes sizes in BigInt so hostile shapes cannot wrap around', async () => {
    expect(safetensorsByteSize('F32', [2 ** 40, 2 ** 40])).toBe(1n << 82n);
    expect(safetensorsByteSize('F4', [3])).toBeUndefined();
    expect(safetensorsByteSize('F4', [4])).toBe(2n);
    expect(safetensorsByteSize('F6_E3M2', [4])).toBe(3n);
    const h = await read({ shapes: { w: [2 ** 31, 2 ** 31, 2 ** 31] } });
    expect(codes(h)).toEqual([['size-mismatch', 'high']]);
  });
});

describe('findDuplicateKeys', () => {
  it('finds duplicates at any depth, comparing decoded keys', () => {
    const dups = findDuplicateKeys('{"a":1,"\\u0061":2,"n":{"x":[{"k":1,"k":2}],"y":"\\"k\\""}}');
    expect(dups.map((d) => [d.path, d.key])).toEqual([
      [[], 'a'],
      [['n', 'x', '[]'], 'k'],
    ]);
    expect(findDuplicateKeys('{"a":{"a":{"a":1}},"b":["a","a"]}')).toEqual([]);
  });

  it('handles deep nesting without recursion', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(findDuplicateKeys(deep)).toEqual([]);
  });
});
