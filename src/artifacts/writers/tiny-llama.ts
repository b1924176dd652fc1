/**
 * A tiny, randomly initialised (seeded) llama-architecture model for tests
 * and the demo: as GGUF with every key and tensor llama.cpp needs, and as a
 * Hugging Face folder (config.json, model.safetensors, tokenizer_config.json,
 * README.md). Both forms hold the same weights for the same options; the GGUF
 * rows of attn_q/attn_k are permuted for rope as llama.cpp's converter does.
 */
import { writeGguf, gv, type GgufWriteSpec, type GgufWriteTensor, type GgufWriteValue } from './gguf-writer.js';
import { writeSafetensors, type SafetensorsTensorInput } from './safetensors-writer.js';
import { mulberry32 } from '../../core/seeded-random.js';

/** Model size, identity and tokenizer options; every field has a small default. */
export interface TinyLlamaOptions {
  seed?: number;
  vocabSize?: number;
  embeddingLength?: number;
  blockCount?: number;
  headCount?: number;
  headCountKv?: number;
  feedForwardLength?: number;
  contextLength?: number;
  name?: string;
  /** SPDX id or license name; omitted from the metadata when undefined. */
  license?: string;
  chatTemplate?: string;
  /** Extra or replacement GGUF metadata. */
  extraKv?: Readonly<Record<string, GgufWriteValue>>;
}

type Resolved = Required<Omit<TinyLlamaOptions, 'license' | 'extraKv'>> & Pick<TinyLlamaOptions, 'license' | 'extraKv'>;

/** The ChatML-style template the tiny model ships with. */
export const TINY_CHAT_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

function resolve(o: TinyLlamaOptions): Resolved {
  return {
    seed: 42, vocabSize: 384, embeddingLength: 64, blockCount: 2, headCount: 4, headCountKv: 4,
    feedForwardLength: 128, contextLength: 1024, name: 'tiny-llama', chatTemplate: TINY_CHAT_TEMPLATE, ...o,
  };
}

const SPECIAL = ['<unk>', '<s>', '</s>'];
const CHAT = ['<|im_start|>', '<|im_end|>'];
const WORDS = ['▁the', '▁and', '▁to', '▁of', '▁is', '▁you', '▁hello', '▁world', '▁model', '▁user', '▁assistant', '▁system', '▁gate'];
const CHARS = [...'etaoinshrdlucmfwypvbgkqjxz', ...'.,!?\'"-:;0123456789'];

/** A SentencePiece-style vocabulary: specials, 256 byte tokens, chat markers, then word pieces. */
export function tinyVocab(size: number): { tokens: string[]; scores: number[]; types: number[] } {
  const bytes = Array.from({ length: 256 }, (_, i) => `<0x${i.toString(16).toUpperCase().padStart(2, '0')}>`);
  // SPM merges pairwise, so a word is reachable only through its prefixes.
  const prefixes = WORDS.flatMap((w) => Array.from({ length: w.length - 2 }, (_, i) => w.slice(0, i + 3)));
  const pieces = [...new Set(['▁', ...CHARS, ...CHARS.map((c) => `▁${c}`), ...prefixes])];
  const fixed = [...SPECIAL, ...bytes, ...CHAT];
  if (size < fixed.length + 1) throw new Error(`vocabSize must be at least ${fixed.length + 1}`);
  for (let i = 0; pieces.length < size - fixed.length; i++) pieces.push(`▁w${i}`);
  const words = pieces.slice(0, size - fixed.length);
  const tokens = [...fixed, ...words];
  // llama.cpp token types: 1 normal, 2 unknown, 3 control, 6 byte.
  const types = tokens.map((t, i) => (i === 0 ? 2 : i < 3 || CHAT.includes(t) ? 3 : i < 3 + 256 ? 6 : 1));
  // Longer pieces score higher so the SPM merge prefers whole words.
  const scores = tokens.map((t, i) => (types[i] === 1 ? t.length - i / size : 0));
  return { tokens, scores, types };
}


/** One logical weight in Hugging Face naming and [out, in] shape, row-major. */
interface Weight {
  hf: string;
  gguf: string;
  shape: [number] | [number, number];
  data: Float32Array;
  /** Heads to permute rows by for the GGUF copy (attn_q / attn_k). */
  ropeHeads?: number;
}

/** All weights in a fixed order, drawn from one seeded stream. */
function weights(o: Resolved): Weight[] {
  const rand = mulberry32(o.seed);
  const e = o.embeddingLength;
  const kv = (e / o.headCount) * o.headCountKv;
  const w = (hf: string, gguf: string, shape: [number] | [number, number], ropeHeads?: number): Weight => {
    const n = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    if (shape.length === 1) data.fill(1);
    else for (let i = 0; i < n; i++) data[i] = (rand() * 2 - 1) * 0.05;
    return { hf, gguf, shape, data, ...(ropeHeads ? { ropeHeads } : {}) };
  };
  const out = [w('model.embed_tokens.weight', 'token_embd.weight', [o.vocabSize, e]), w('model.norm.weight', 'output_norm.weight', [e]), w('lm_head.weight', 'output.weight', [o.vocabSize, e])];
  for (let b = 0; b < o.blockCount; b++) {
    const hf = `model.layers.${b}.`;
    const g = `blk.${b}.`;
    out.push(
      w(`${hf}self_attn.q_proj.weight`, `${g}attn_q.weight`, [e, e], o.headCount),
      w(`${hf}self_attn.k_proj.weight`, `${g}attn_k.weight`, [kv, e], o.headCountKv),
      w(`${hf}self_attn.v_proj.weight`, `${g}attn_v.weight`, [kv, e]),
      w(`${hf}self_attn.o_proj.weight`, `${g}attn_output.weight`, [e, e]),
      w(`${hf}input_layernorm.weight`, `${g}attn_norm.weight`, [e]),
      w(`${hf}mlp.gate_proj.weight`, `${g}ffn_gate.weight`, [o.feedForwardLength, e]),
      w(`${hf}mlp.down_proj.weight`, `${g}ffn_down.weight`, [e, o.feedForwardLength]),
      w(`${hf}mlp.up_proj.weight`, `${g}ffn_up.weight`, [o.feedForwardLength, e]),
      w(`${hf}post_attention_layernorm.weight`, `${g}ffn_norm.weight`, [e]),
    );
  }
  return out;
}

/** Reorder rows from rotate-half (HF) to interleaved (GGUF) rope layout, per head. */
function permuteRope(src: Float32Array, rows: number, cols: number, heads: number): Float32Array {
  const out = new Float32Array(src.length);
  const hd = rows / heads;
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < hd / 2; i++) {
      for (let s = 0; s < 2; s++) {
        const from = (h * hd + s * (hd / 2) + i) * cols;
        out.set(src.subarray(from, from + cols), (h * hd + i * 2 + s) * cols);
      }
    }
  }
  return out;
}

/** The GGUF spec of the tiny model, for callers that want to alter it before writing. */
export function tinyLlamaSpec(options: TinyLlamaOptions = {}): GgufWriteSpec {
  const o = resolve(options);
  const vocab = tinyVocab(o.vocabSize);
  const kv: Record<string, GgufWriteValue> = {
    'general.architecture': gv.str('llama'),
    'general.name': gv.str(o.name),
    ...(o.license !== undefined ? { 'general.license': gv.str(o.license) } : {}),
    'general.file_type': gv.u32(0),
    'llama.vocab_size': gv.u32(o.vocabSize),
    'llama.context_length': gv.u32(o.contextLength),
    'llama.embedding_length': gv.u32(o.embeddingLength),
    'llama.block_count': gv.u32(o.blockCount),
    'llama.feed_forward_length': gv.u32(o.feedForwardLength),
    'llama.rope.dimension_count': gv.u32(o.embeddingLength / o.headCount),
    'llama.attention.head_count': gv.u32(o.headCount),
    'llama.attention.head_count_kv': gv.u32(o.headCountKv),
    'llama.attention.layer_norm_rms_epsilon': gv.f32(1e-5),
    'tokenizer.ggml.model': gv.str('llama'),
    'tokenizer.ggml.tokens': gv.strs(vocab.tokens),
    'tokenizer.ggml.scores': gv.f32s(vocab.scores),
    'tokenizer.ggml.token_type': gv.i32s(vocab.types),
    'tokenizer.ggml.unknown_token_id': gv.u32(0),
    'tokenizer.ggml.bos_token_id': gv.u32(1),
    'tokenizer.ggml.eos_token_id': gv.u32(2),
    'tokenizer.ggml.add_bos_token': gv.bool(true),
    'tokenizer.ggml.add_eos_token': gv.bool(false),
    'tokenizer.chat_template': gv.str(o.chatTemplate),
    ...o.extraKv,
  };
  const tensors: GgufWriteTensor[] = weights(o).map((w) => ({
    name: w.gguf,
    type: 'F32',
    dims: [...w.shape].reverse(),
    data: w.ropeHeads ? permuteRope(w.data, w.shape[0], w.shape[1] ?? 1, w.ropeHeads) : w.data,
  }));
  return { version: 3, kv, tensors };
}

/**
 * A tiny llama GGUF that llama.cpp can load (F32, SentencePiece vocabulary, ChatML template).
 * @example const bytes = tinyLlamaGguf({ seed: 7, license: 'apache-2.0' });
 */
export function tinyLlamaGguf(options: TinyLlamaOptions = {}): Uint8Array {
  return writeGguf(tinyLlamaSpec(options));
}

/** Options for the Hugging Face form. */
export interface TinySafetensorsOptions extends TinyLlamaOptions {
  dtype?: 'F32' | 'BF16';
  /** `base_model` in the model card front matter. */
  baseModel?: string;
}

function toBf16(f: Float32Array): Uint16Array {
  const bits = new Uint32Array(f.buffer, f.byteOffset, f.length);
  // Round to nearest even on the dropped 16 bits.
  return Uint16Array.from(bits, (b) => ((b + 0x7fff + ((b >>> 16) & 1)) >>> 16) & 0xffff);
}

/**
 * A tiny llama in Hugging Face layout, as file name → bytes: config.json,
 * model.safetensors, tokenizer_config.json and README.md (YAML front matter).
 */
export function tinySafetensorsModel(options: TinySafetensorsOptions = {}): Record<string, Uint8Array> {
  const o = resolve(options);
  const dtype = options.dtype ?? 'F32';
  const tensors: Record<string, SafetensorsTensorInput> = {};
  for (const w of weights(o)) {
    const data = dtype === 'BF16' ? new Uint8Array(toBf16(w.data).buffer) : w.data;
    tensors[w.hf] = { dtype, shape: w.shape, data };
  }
  const vocab = tinyVocab(o.vocabSize);
  const config = {
    architectures: ['LlamaForCausalLM'], model_type: 'llama', hidden_act: 'silu', hidden_size: o.embeddingLength,
    intermediate_size: o.feedForwardLength, num_hidden_layers: o.blockCount, num_attention_heads: o.headCount,
    num_key_value_heads: o.headCountKv, max_position_embeddings: o.contextLength, rms_norm_eps: 1e-5, rope_theta: 10000,
    vocab_size: o.vocabSize, bos_token_id: 1, eos_token_id: 2, tie_word_embeddings: false, torch_dtype: dtype === 'BF16' ? 'bfloat16' : 'float32',
  };
  const tokenizerConfig = { bos_token: vocab.tokens[1], eos_token: vocab.tokens[2], unk_token: vocab.tokens[0], chat_template: o.chatTemplate, model_max_length: o.contextLength };
  const front = [
    '---',
    ...(options.license !== undefined ? [`license: ${options.license}`] : []),
    ...(options.baseModel !== undefined ? [`base_model: ${options.baseModel}`] : []),
    'library_name: transformers',
    'pipeline_tag: text-generation',
    'tags:',
    '  - tiny',
    '  - random-weights',
    '---',
  ];
  const card = `${front.join('\n')}\n\n# ${o.name}\n\nA randomly initialised llama-architecture model (seed ${o.seed}) for tests. It produces noise.\n`;
  const enc = new TextEncoder();
  return {
    'config.json': enc.encode(`${JSON.stringify(config, null, 2)}\n`),
    'model.safetensors': writeSafetensors(tensors, { format: 'pt' }),
    'tokenizer_config.json': enc.encode(`${JSON.stringify(tokenizerConfig, null, 2)}\n`),
    'README.md': enc.encode(card),
  };
}
