import { describe, expect, it } from 'vitest';
import { writeSafetensors, type SafetensorsWriteOptions } from '../writers/safetensors-writer.js';
import { tinySafetensorsModel } from '../writers/tiny-llama.js';
import { findingOf, scanBytes, scanWith } from './__fixtures__/scan-helpers.js';
import { safetensorsScanner } from './scanner.js';

const two = { a: { dtype: 'F32', shape: [2], data: new Float32Array([1, 2]) }, b: { dtype: 'F32', shape: [2], data: new Float32Array([3, 4]) } };
const scan = (opts: SafetensorsWriteOptions = {}, tensors: Parameters<typeof writeSafetensors>[0] = two) =>
  scanWith(safetensorsScanner, 'model.safetensors', writeSafetensors(tensors, undefined, opts));
const rule = async (opts: SafetensorsWriteOptions, ruleId: string, tensors?: Parameters<typeof writeSafetensors>[0]) => {
  const f = findingOf(await scan(opts, tensors), ruleId);
  return [f.ruleId, f.severity, f.location?.tensor];
};

describe('safetensorsScanner', () => {
  it('finds nothing in a clean model, through the dispatcher too', async () => {
    const files = tinySafetensorsModel();
    expect(await scanWith(safetensorsScanner, 'model.safetensors', files['model.safetensors']!)).toEqual([]);
    expect(await scanBytes('model.safetensors', files['model.safetensors']!)).toEqual([]);
    expect(await scanBytes('bf16.safetensors', tinySafetensorsModel({ dtype: 'BF16' })['model.safetensors']!)).toEqual([]);
  });

  it('safetensors/header-too-large (high), also when the name is the only hint of the format', async () => {
    expect(await rule({ headerLength: 1n << 63n }, 'safetensors/header-too-large')).toEqual(['safetensors/header-too-large', 'high', undefined]);
    const viaDispatcher = await scanBytes('evil.safetensors', writeSafetensors(two, undefined, { headerLength: 1n << 63n }));
    expect(findingOf(viaDispatcher, 'safetensors/header-too-large').severity).toBe('high');
  });

  it('safetensors/malformed (high)', async () => {
    expect(await rule({ rawHeader: '{"a": {"dtype": "F32"}}' }, 'safetensors/malformed')).toEqual(['safetensors/malformed', 'high', 'a']);
  });

  it('safetensors/unknown-dtype (medium)', async () => {
    expect(await rule({}, 'safetensors/unknown-dtype', { a: { dtype: 'F128', shape: [1], data: new Uint8Array(16) } })).toEqual(['safetensors/unknown-dtype', 'medium', 'a']);
  });

  it('safetensors/size-mismatch (high)', async () => {
    expect(await rule({ shapes: { b: [3] } }, 'safetensors/size-mismatch')).toEqual(['safetensors/size-mismatch', 'high', 'b']);
  });

  it('safetensors/out-of-bounds (high)', async () => {
    expect(await rule({ dataOffsets: { b: [8, 4096] }, shapes: { b: [1022] } }, 'safetensors/out-of-bounds')).toEqual(['safetensors/out-of-bounds', 'high', 'b']);
  });

  it('safetensors/overlap (high)', async () => {
    expect(await rule({ dataOffsets: { b: [4, 12] } }, 'safetensors/overlap')).toEqual(['safetensors/overlap', 'high', 'b']);
  });

  it('safetensors/gap (medium) for holes and for bytes after the last tensor', async () => {
    expect(await rule({ dataOffsets: { a: [8, 16], b: [16, 24] }, trailing: new Uint8Array(8) }, 'safetensors/gap')).toEqual(['safetensors/gap', 'medium', 'a']);
    const trailing = await scan({ trailing: new Uint8Array(4) });
    expect(trailing.map((f) => [f.ruleId, f.severity])).toEqual([['safetensors/gap', 'medium']]);
  });

  it('safetensors/duplicate-tensor (high)', async () => {
    const header = '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"a":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}';
    expect(await rule({ rawHeader: header }, 'safetensors/duplicate-tensor')).toEqual(['safetensors/duplicate-tensor', 'high', 'a']);
  });

  it('hands trailing bytes to the dispatcher as a nested member', async () => {
    const fs = await scan({ trailing: new TextEncoder().encode('GGUF\x01\x00\x00\x00') });
    const nested = findingOf(fs, 'gguf/unsupported-version');
    expect(nested.file).toMatch(/^model\.safetensors!trailing-bytes@\d+$/);
  });
});
