import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { readSafetensorsHeader } from '../safetensors/read-header.js';
import { tensorBytes, writeSafetensors, type SafetensorsTensorInput } from './safetensors-writer.js';

const tensors: Record<string, SafetensorsTensorInput> = {
  'model.embed_tokens.weight': { dtype: 'F32', shape: [3, 2], data: new Float32Array([1, -2, 3.5, 4, 5, 6]) },
  'model.norm.weight': { dtype: 'BF16', shape: [2], data: new Uint16Array([0x3f80, 0x4000]) },
  'lm_head.bias': { dtype: 'I64', shape: [1], data: new BigInt64Array([-5n]) },
  scalar: { dtype: 'U8', shape: [], data: new Uint8Array([9]) },
};

describe('writeSafetensors', () => {
  it('round-trips tensors, shapes, dtypes, bytes and metadata', async () => {
    const bytes = writeSafetensors(tensors, { format: 'pt', note: 'ünïcode' });
    const h = await readSafetensorsHeader(bufferSource('m.safetensors', bytes));
    expect(h.problems).toEqual([]);
    expect(h.metadata).toEqual({ format: 'pt', note: 'ünïcode' });
    expect(h.tensors.map((t) => t.name)).toEqual(Object.keys(tensors));
    for (const t of h.tensors) {
      const input = tensors[t.name]!;
      expect([t.dtype, t.shape]).toEqual([input.dtype, input.shape]);
      expect(bytes.slice(t.start, t.end)).toEqual(tensorBytes(input.data).slice());
    }
    expect(h.dataEnd).toBe(bytes.length);
  });

  it('pads the header with spaces to a multiple of 8', () => {
    const bytes = writeSafetensors({ a: { dtype: 'U8', shape: [1], data: new Uint8Array([1]) } });
    const len = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(len % 8).toBe(0);
    expect(bytes[8 + len - 1]).toBe(0x20);
  });

  it('writes hostile variants on request', async () => {
    const bytes = writeSafetensors(tensors, undefined, { headerLength: 1n << 63n, trailing: new Uint8Array([1, 2]) });
    expect(new DataView(bytes.buffer).getBigUint64(0, true)).toBe(1n << 63n);
    expect(bytes.at(-1)).toBe(2);
    const raw = writeSafetensors({}, undefined, { rawHeader: '{"x":1}' });
    expect(new TextDecoder().decode(raw.subarray(8))).toBe('{"x":1} ');
  });
});
