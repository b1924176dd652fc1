/**
 * Generated models for calibrating lineage: a base of a family design (per-layer
 * scales shared by every model, as real families share them), and its
 * fine-tune, continued training, quantizations, a merge, a permuted copy and
 * independently initialised models of the same architecture.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bufferSource } from '../../artifacts/io/byte-source.js';
import { readSafetensorsHeader } from '../../artifacts/safetensors/read-header.js';
import { gv, writeGguf, type GgufWriteTensor } from '../../artifacts/writers/gguf-writer.js';
import { writeSafetensors } from '../../artifacts/writers/safetensors-writer.js';
import { tinyLlamaSpec, tinySafetensorsModel, type TinyLlamaOptions } from '../../artifacts/writers/tiny-llama.js';
import { quantizeQ4_0, quantizeQ8_0 } from './quantize.js';
import { mulberry32 } from '../../core/seeded-random.js';

/** Weights by Hugging Face name. */
export type Weights = Map<string, { shape: number[]; data: Float32Array }>;

/** The architecture every calibration model shares. */
export const CALIBRATION_ARCH: TinyLlamaOptions = { blockCount: 8, embeddingLength: 64, headCount: 4, headCountKv: 4, feedForwardLength: 128, vocabSize: 384 };

const ROLE_SCALE: Record<string, number> = { q_proj: 1.3, k_proj: 1.6, v_proj: 0.7, o_proj: 0.9, gate_proj: 1, up_proj: 1, down_proj: 0.8 };


/** Seeded weights with the family's per-layer, per-projection scales. */
export async function familyWeights(seed: number): Promise<Weights> {
  const st = tinySafetensorsModel({ ...CALIBRATION_ARCH, seed })['model.safetensors'] as Uint8Array;
  const h = await readSafetensorsHeader(bufferSource('m', st));
  const w: Weights = new Map();
  const layers = CALIBRATION_ARCH.blockCount ?? 1;
  for (const t of h.tensors) {
    const data = new Float32Array(st.slice(t.start, t.end).buffer);
    const m = /layers\.(\d+)\.\w+\.(\w+)\.weight$/.exec(t.name);
    const role = m?.[2] ?? '';
    // A depth profile every model of the design shares (what the std statistic picks up).
    if (m && ROLE_SCALE[role]) {
      const depth = Number(m[1]) / (layers - 1);
      const s = (ROLE_SCALE[role] as number) * (1 + 1.5 * depth * depth + (role === 'k_proj' ? 0.5 * Math.sin(depth * 6) : 0));
      for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) * s;
    }
    w.set(t.name, { shape: t.shape, data });
  }
  return w;
}

const isMatrix = (shape: number[]) => shape.length === 2;

/** Add noise of `relative` × each matrix's RMS (fine-tune: small; continued training: large). */
export function drift(w: Weights, relative: number, seed: number): Weights {
  const r = mulberry32(seed);
  const out: Weights = new Map();
  for (const [k, t] of w) {
    const data = Float32Array.from(t.data);
    if (isMatrix(t.shape)) {
      const rms = Math.sqrt(data.reduce((s, x) => s + x * x, 0) / data.length);
      for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) + (r() * 2 - 1) * Math.sqrt(3) * rms * relative;
    }
    out.set(k, { shape: t.shape, data });
  }
  return out;
}

/** Element-wise average of two models. */
export function merge(a: Weights, b: Weights): Weights {
  const out: Weights = new Map();
  for (const [k, t] of a) {
    const u = b.get(k);
    out.set(k, { shape: t.shape, data: u ? t.data.map((x, i) => (x + (u.data[i] as number)) / 2) : Float32Array.from(t.data) });
  }
  return out;
}

function permuteRows(data: Float32Array, cols: number, perm: readonly number[], block: number): Float32Array {
  const out = new Float32Array(data.length);
  perm.forEach((p, i) => out.set(data.subarray(p * block * cols, (p + 1) * block * cols), i * block * cols));
  return out;
}

function permuteCols(data: Float32Array, rows: number, cols: number, perm: readonly number[], block: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) perm.forEach((p, i) => out.set(data.subarray(r * cols + p * block, r * cols + (p + 1) * block), r * cols + i * block));
  return out;
}

function shuffled(n: number, r: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

/** The same function with heads and MLP units reordered consistently in every layer. */
export function permuteUnits(w: Weights, seed: number): Weights {
  const r = mulberry32(seed);
  const out: Weights = new Map([...w].map(([k, t]) => [k, { shape: t.shape, data: Float32Array.from(t.data) }]));
  const heads = CALIBRATION_ARCH.headCount ?? 1;
  for (let l = 0; l < (CALIBRATION_ARCH.blockCount ?? 0); l++) {
    const p = `model.layers.${l}.`;
    const hp = shuffled(heads, r);
    const up = shuffled(CALIBRATION_ARCH.feedForwardLength ?? 0, r);
    const get = (n: string) => out.get(p + n) as { shape: number[]; data: Float32Array };
    for (const n of ['self_attn.q_proj.weight', 'self_attn.k_proj.weight', 'self_attn.v_proj.weight']) {
      const t = get(n);
      t.data = permuteRows(t.data, t.shape[1] as number, hp, (t.shape[0] as number) / heads);
    }
    const o = get('self_attn.o_proj.weight');
    o.data = permuteCols(o.data, o.shape[0] as number, o.shape[1] as number, hp, (o.shape[1] as number) / heads);
    for (const n of ['mlp.gate_proj.weight', 'mlp.up_proj.weight']) get(n).data = permuteRows(get(n).data, get(n).shape[1] as number, up, 1);
    const d = get('mlp.down_proj.weight');
    d.data = permuteCols(d.data, d.shape[0] as number, d.shape[1] as number, up, 1);
  }
  return out;
}

/** Write a Hugging Face folder with these weights; `baseModel` goes in the card. */
export async function writeHfModel(dir: string, w: Weights, card: { name: string; baseModel?: string }): Promise<string> {
  const files = tinySafetensorsModel({ ...CALIBRATION_ARCH, name: card.name, ...(card.baseModel ? { baseModel: card.baseModel } : {}) });
  files['model.safetensors'] = writeSafetensors(Object.fromEntries([...w].map(([k, t]) => [k, { dtype: 'F32', shape: t.shape, data: t.data }])), { format: 'pt' });
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
  return dir;
}

function ropeInterleave(src: Float32Array, rows: number, cols: number, heads: number): Float32Array {
  const out = new Float32Array(src.length);
  const hd = rows / heads;
  for (let h = 0; h < heads; h++) for (let i = 0; i < hd / 2; i++) for (let s = 0; s < 2; s++) out.set(src.subarray((h * hd + s * (hd / 2) + i) * cols, (h * hd + s * (hd / 2) + i + 1) * cols), (h * hd + i * 2 + s) * cols);
  return out;
}

/** Write these weights as a GGUF quantized to `type` (matrices; norms stay F32), laid out as llama.cpp's converter does. */
export async function writeQuantizedGguf(file: string, w: Weights, type: 'Q8_0' | 'Q4_0' | 'F32'): Promise<string> {
  const spec = tinyLlamaSpec({ ...CALIBRATION_ARCH, name: 'quantized' });
  const byHf = new Map<string, string>();
  const heads = CALIBRATION_ARCH.headCount ?? 1;
  const names = ['self_attn.q_proj', 'self_attn.k_proj', 'self_attn.v_proj', 'self_attn.o_proj', 'input_layernorm', 'mlp.gate_proj', 'mlp.down_proj', 'mlp.up_proj', 'post_attention_layernorm'];
  const gg = ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'attn_norm', 'ffn_gate', 'ffn_down', 'ffn_up', 'ffn_norm'];
  for (let l = 0; l < (CALIBRATION_ARCH.blockCount ?? 0); l++) names.forEach((n, i) => byHf.set(`blk.${l}.${gg[i]}.weight`, `model.layers.${l}.${n}.weight`));
  byHf.set('token_embd.weight', 'model.embed_tokens.weight').set('output_norm.weight', 'model.norm.weight').set('output.weight', 'lm_head.weight');
  const tensors: GgufWriteTensor[] = (spec.tensors ?? []).map((t) => {
    const src = w.get(byHf.get(t.name) ?? '') as { shape: number[]; data: Float32Array };
    const rope = /attn_[qk]\.weight$/.test(t.name);
    const data = rope ? ropeInterleave(src.data, src.shape[0] as number, src.shape[1] as number, heads) : src.data;
    const q = src.shape.length === 2 && type !== 'F32';
    return { name: t.name, type: q ? type : 'F32', dims: t.dims, data: q ? (type === 'Q8_0' ? quantizeQ8_0(data) : quantizeQ4_0(data)) : data };
  });
  await writeFile(file, writeGguf({ ...spec, kv: { ...(spec.kv as Record<string, ReturnType<typeof gv.u32>>), 'general.file_type': gv.u32(type === 'Q8_0' ? 7 : type === 'Q4_0' ? 2 : 0) }, tensors }));
  return file;
}
