import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quantizeQ4_0, quantizeQ8_0, toHalf } from '../generate/quantize.js';
import { dequantize, halfToFloat } from './dequant.js';
import { hfRow } from './tensor-job.js';

const random = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 0.05);

describe('dequantize', () => {
  it('decodes halves, including subnormals and infinities', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x0001)).toBeCloseTo(5.96e-8, 10);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(toHalf(0.1))).toBeCloseTo(0.1, 4);
  });

  it('decodes F16 and BF16', () => {
    const f16 = new Uint8Array(new Uint16Array([0x3c00, 0xbc00, 0x3800]).buffer);
    const out = new Float32Array(3);
    dequantize('F16', f16, out, 3);
    expect([...out]).toEqual([1, -1, 0.5]);
    dequantize('BF16', new Uint8Array(new Uint16Array([0x3f80, 0xc040, 0x0000]).buffer), out, 3);
    expect([...out]).toEqual([1, -3, 0]);
  });

  it.each([
    ['Q8_0', quantizeQ8_0, 0.002],
    ['Q4_0', quantizeQ4_0, 0.01],
  ] as const)('round-trips %s within the quantization step', (type, q, tol) => {
    const x = random(256);
    const out = new Float32Array(256);
    dequantize(type, q(x), out, 256);
    for (let i = 0; i < 256; i++) expect(Math.abs((out[i] as number) - (x[i] as number))).toBeLessThan(tol);
  });

  it('decodes a Q4_K super-block: 6-bit scales and mins, low nibbles then high nibbles', () => {
    const b = new Uint8Array(144);
    const dv = new DataView(b.buffer);
    dv.setUint16(0, 0x3c00, true); // d = 1
    dv.setUint16(2, 0x3800, true); // dmin = 0.5
    // Sub-block j has scale j+1 and min 2j (j < 4 direct; j >= 4 split across bytes).
    for (let j = 0; j < 4; j++) {
      b[4 + j] = j + 1;
      b[8 + j] = 2 * j;
    }
    for (let j = 4; j < 8; j++) {
      const s = j + 1;
      const m = 2 * j;
      b[8 + j] = (s & 0xf) | ((m & 0xf) << 4);
      b[4 + j - 4] = (b[4 + j - 4] as number) | ((s >> 4) << 6);
      b[4 + j] = (b[4 + j] as number) | ((m >> 4) << 6);
    }
    for (let i = 0; i < 128; i++) b[16 + i] = (i % 16) | (((i + 3) % 16) << 4);
    const out = new Float32Array(256);
    dequantize('Q4_K', b, out, 256);
    for (let j = 0; j < 8; j++) {
      for (let l = 0; l < 32; l++) {
        const byte = (j >> 1) * 32 + l;
        const q = j % 2 === 0 ? byte % 16 : (byte + 3) % 16;
        expect(out[j * 32 + l]).toBeCloseTo((j + 1) * q - 0.5 * 2 * j, 5);
      }
    }
  });

  it('decodes a Q6_K super-block: 4 low bits in ql, 2 high bits in qh, int8 scales per 16', () => {
    const b = new Uint8Array(210);
    const dv = new DataView(b.buffer);
    dv.setUint16(208, 0x3c00, true);
    for (let i = 0; i < 16; i++) dv.setInt8(192 + i, i - 8);
    const want = Array.from({ length: 256 }, (_, i) => ((i * 7) % 64) - 32);
    for (let half = 0; half < 2; half++) {
      for (let l = 0; l < 32; l++) {
        const q = [0, 32, 64, 96].map((o) => (want[half * 128 + l + o] as number) + 32);
        b[half * 64 + l] = ((q[0] as number) & 0xf) | (((q[2] as number) & 0xf) << 4);
        b[half * 64 + l + 32] = ((q[1] as number) & 0xf) | (((q[3] as number) & 0xf) << 4);
        b[128 + half * 32 + l] = ((q[0] as number) >> 4) | (((q[1] as number) >> 4) << 2) | (((q[2] as number) >> 4) << 4) | (((q[3] as number) >> 4) << 6);
      }
    }
    const out = new Float32Array(256);
    dequantize('Q6_K', b, out, 256);
    for (let i = 0; i < 256; i++) expect(out[i]).toBe((Math.floor(i / 16) - 8) * (want[i] as number));
  });

  it('maps rope-interleaved GGUF rows back to Hugging Face order', () => {
    // One head of 4 rows: GGUF order is [0, 2, 1, 3] of the HF rows.
    expect([0, 1, 2, 3].map((g) => hfRow(g, 4, 1))).toEqual([0, 2, 1, 3]);
  });
});

describe('K-quant dequantization against ggml', () => {
  // Blocks quantized, and dequantized, by ggml's own library (see __fixtures__/ggml-k-blocks.py).
  const fixture = JSON.parse(readFileSync(new URL('./__fixtures__/ggml-k-blocks.json', import.meta.url), 'utf8')) as Record<string, { blocks: string; values: string[] }>;

  it.each(['Q4_K', 'Q6_K'])('%s decodes to the same floats as ggml', (type) => {
    const f = fixture[type] as { blocks: string; values: string[] };
    const blocks = Uint8Array.from(f.blocks.match(/../g) ?? [], (h) => parseInt(h, 16));
    const out = new Float32Array(f.values.length);
    dequantize(type, blocks, out, out.length);
    expect([...new Uint32Array(out.buffer)].map((v) => v.toString(16).padStart(8, '0'))).toEqual(f.values);
  });
});
