import { describe, expect, it } from 'vitest';
import { alignUp, GGML_TYPES, ggmlType, ggmlTypeByName, rowBytes, tensorSize } from './ggml-types.js';

describe('ggml type table', () => {
  it('has the block layouts of the plain, legacy, K-quant, IQ and FP4 types', () => {
    const layout = (name: string) => {
      const t = ggmlTypeByName(name);
      return t && [t.id, t.blockSize, t.typeSize];
    };
    expect(layout('F32')).toEqual([0, 1, 4]);
    expect(layout('BF16')).toEqual([30, 1, 2]);
    expect(layout('Q4_0')).toEqual([2, 32, 18]);
    expect(layout('Q8_0')).toEqual([8, 32, 34]);
    expect(layout('Q2_K')).toEqual([10, 256, 84]);
    expect(layout('Q3_K')).toEqual([11, 256, 110]);
    expect(layout('Q4_K')).toEqual([12, 256, 144]);
    expect(layout('Q5_K')).toEqual([13, 256, 176]);
    expect(layout('Q6_K')).toEqual([14, 256, 210]);
    expect(layout('Q8_K')).toEqual([15, 256, 292]);
    expect(layout('IQ2_XXS')).toEqual([16, 256, 66]);
    expect(layout('IQ2_XS')).toEqual([17, 256, 74]);
    expect(layout('IQ3_XXS')).toEqual([18, 256, 98]);
    expect(layout('IQ1_S')).toEqual([19, 256, 50]);
    expect(layout('IQ4_NL')).toEqual([20, 32, 18]);
    expect(layout('IQ3_S')).toEqual([21, 256, 110]);
    expect(layout('IQ2_S')).toEqual([22, 256, 82]);
    expect(layout('IQ4_XS')).toEqual([23, 256, 136]);
    expect(layout('IQ1_M')).toEqual([29, 256, 56]);
    expect(layout('TQ1_0')).toEqual([34, 256, 54]);
    expect(layout('TQ2_0')).toEqual([35, 256, 66]);
    expect(layout('MXFP4')).toEqual([39, 32, 17]);
  });

  it('keeps ids unique and leaves the never-assigned ids unknown', () => {
    expect(new Set([...GGML_TYPES.values()].map((t) => t.name)).size).toBe(GGML_TYPES.size);
    expect(ggmlType(4)).toBeUndefined();
    expect(ggmlType(5)).toBeUndefined();
    expect(ggmlType(9999)).toBeUndefined();
    expect(ggmlType(31)?.removed).toBe(true);
  });
});

describe('tensorSize', () => {
  it('sizes plain and quantized tensors', () => {
    expect(tensorSize(0, [64n, 512n])).toEqual({ ok: true, elements: 32768n, bytes: 131072n });
    expect(tensorSize(12, [4096n, 4096n])).toEqual({ ok: true, elements: 16777216n, bytes: (16777216n / 256n) * 144n });
    expect(tensorSize(0, [])).toEqual({ ok: true, elements: 1n, bytes: 4n });
  });

  it('refuses partial blocks, unknown types and overflowing dims', () => {
    expect(tensorSize(12, [100n, 2n])).toEqual({ ok: false, reason: 'partial-block' });
    expect(tensorSize(77, [1n])).toEqual({ ok: false, reason: 'unknown-type' });
    expect(tensorSize(0, [1n << 40n, 1n << 40n])).toEqual({ ok: false, reason: 'overflow' });
    expect(tensorSize(0, [(1n << 64n) - 1n])).toEqual({ ok: false, reason: 'overflow' });
  });

  it('computes row bytes and alignment', () => {
    expect(rowBytes(14, 512)).toBe(420);
    expect(rowBytes(14, 100)).toBeUndefined();
    expect(alignUp(33n, 32n)).toBe(64n);
    expect(alignUp(64n, 32n)).toBe(64n);
  });
});
