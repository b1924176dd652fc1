import { describe, expect, it } from 'vitest';
import { bufferSource, fileSource } from '../io/byte-source.js';
import { ggufArray, ggufNumber, ggufString, tensorDataRange } from '../gguf/kv-access.js';
import { readGgufHeader } from '../gguf/read-header.js';
import type { GgufHeader } from '../gguf/header-types.js';
import { readSafetensorsHeader } from '../safetensors/read-header.js';
import { realModel, scanBytes } from '../safetensors/__fixtures__/scan-helpers.js';
import { tinyLlamaGguf, tinySafetensorsModel, tinyVocab, TINY_CHAT_TEMPLATE } from './tiny-llama.js';

const gguf = async (bytes: Uint8Array) => readGgufHeader(bufferSource('tiny.gguf', bytes));
const pattern = (h: GgufHeader) => [...new Set(h.tensors.map((t) => t.name.replace(/^blk\.\d+\./, 'blk.N.')))].sort();
// Keys llama.cpp reads for a llama model with a SentencePiece vocabulary.
const REQUIRED = [
  'general.architecture', 'llama.context_length', 'llama.embedding_length', 'llama.block_count', 'llama.feed_forward_length',
  'llama.rope.dimension_count', 'llama.attention.head_count', 'llama.attention.head_count_kv', 'llama.attention.layer_norm_rms_epsilon',
  'tokenizer.ggml.model', 'tokenizer.ggml.tokens', 'tokenizer.ggml.scores', 'tokenizer.ggml.token_type',
  'tokenizer.ggml.bos_token_id', 'tokenizer.ggml.eos_token_id', 'tokenizer.ggml.unknown_token_id',
];

describe('tinyLlamaGguf', () => {
  it('writes a clean llama GGUF with every required key and consistent tensor dims', async () => {
    const bytes = tinyLlamaGguf({ license: 'apache-2.0', name: 'demo' });
    const h = await gguf(bytes);
    expect(h.problems).toEqual([]);
    for (const k of REQUIRED) expect(h.kv.has(k), k).toBe(true);
    expect([ggufString(h, 'general.name'), ggufString(h, 'general.license'), ggufString(h, 'tokenizer.chat_template')]).toEqual(['demo', 'apache-2.0', TINY_CHAT_TEMPLATE]);
    const embd = ggufNumber(h, 'llama.embedding_length')!;
    const vocab = ggufArray(h, 'tokenizer.ggml.tokens')!;
    expect(h.tensors.find((t) => t.name === 'token_embd.weight')?.dims).toEqual([BigInt(embd), BigInt(vocab.length)]);
    expect(h.tensors.find((t) => t.name === 'blk.1.ffn_down.weight')?.dims).toEqual([128n, 64n]);
    expect(h.tensors).toHaveLength(3 + 9 * 2);
    expect(bytes.length).toBeLessThan(1 << 20);
    expect(await scanBytes('tiny.gguf', bytes)).toEqual([]);
  });

  it('is deterministic per seed', async () => {
    expect(tinyLlamaGguf({ seed: 5 })).toEqual(tinyLlamaGguf({ seed: 5 }));
    expect(tinyLlamaGguf({ seed: 5 })).not.toEqual(tinyLlamaGguf({ seed: 6 }));
  });

  it('builds a SentencePiece-style vocabulary with byte tokens and unique pieces', () => {
    const v = tinyVocab(384);
    expect(v.tokens.slice(0, 4)).toEqual(['<unk>', '<s>', '</s>', '<0x00>']);
    expect(v.tokens[258]).toBe('<0xFF>');
    expect(new Set(v.tokens).size).toBe(384);
    expect([v.types[0], v.types[1], v.types[3], v.types[300]]).toEqual([2, 3, 6, 1]);
    expect(v.tokens).toContain('▁hello');
    expect(() => tinyVocab(100)).toThrow(/at least/);
  });

  const stories = realModel('stories260K.gguf');
  it.skipIf(!stories)('has the key set and tensor names of the real stories260K llama (skipped when shared fixtures are absent)', async () => {
    const src = await fileSource(stories ?? '');
    const real = await readGgufHeader(src);
    await src.close();
    const ours = await gguf(tinyLlamaGguf());
    const optional = new Set(['tokenizer.ggml.seperator_token_id', 'tokenizer.ggml.padding_token_id']);
    const missing = [...real.kv.keys()].filter((k) => !optional.has(k) && !ours.kv.has(k));
    expect(missing).toEqual([]);
    expect(pattern(ours)).toEqual(pattern(real));
    expect(ours.tensors.map((t) => t.type)).toEqual(ours.tensors.map(() => 'F32'));
  });
});

describe('tinySafetensorsModel', () => {
  it('writes config.json, model.safetensors, tokenizer_config.json and a model card that scan clean', async () => {
    const files = tinySafetensorsModel({ license: 'mit', baseModel: 'org/base' });
    expect(Object.keys(files).sort()).toEqual(['README.md', 'config.json', 'model.safetensors', 'tokenizer_config.json']);
    const config = JSON.parse(new TextDecoder().decode(files['config.json']));
    expect(config).toMatchObject({ model_type: 'llama', hidden_size: 64, num_hidden_layers: 2, vocab_size: 384 });
    const card = new TextDecoder().decode(files['README.md']);
    expect(card).toMatch(/^---\nlicense: mit\nbase_model: org\/base\n/);
    for (const [name, bytes] of Object.entries(files)) expect(await scanBytes(name, bytes), name).toEqual([]);
  });

  it('holds the same weights as the GGUF form, with q/k rows permuted for rope', async () => {
    const files = tinySafetensorsModel({ seed: 9 });
    const st = files['model.safetensors']!;
    const sh = await readSafetensorsHeader(bufferSource('m', st));
    const gBytes = tinyLlamaGguf({ seed: 9 });
    const gh = await gguf(gBytes);
    const hf = (name: string) => { const t = sh.tensors.find((x) => x.name === name)!; return new Float32Array(st.slice(t.start, t.end).buffer); };
    const gg = (name: string) => { const r = tensorDataRange(gh, gh.tensors.find((x) => x.name === name)!)!; return new Float32Array(gBytes.slice(r.start, r.end).buffer); };
    expect(gg('token_embd.weight')).toEqual(hf('model.embed_tokens.weight'));
    expect(gg('blk.1.attn_v.weight')).toEqual(hf('model.layers.1.self_attn.v_proj.weight'));
    const q = hf('model.layers.0.self_attn.q_proj.weight');
    const gq = gg('blk.0.attn_q.weight');
    expect(gq).not.toEqual(q);
    expect([...gq].sort()).toEqual([...q].sort());
    // Head 0, row 1 of the GGUF layout is row hd/2 = 8 of the HF layout (64 columns per row).
    expect(gq.slice(64, 128)).toEqual(q.slice(8 * 64, 9 * 64));
  });

  it('writes BF16 weights when asked', async () => {
    const st = tinySafetensorsModel({ dtype: 'BF16' })['model.safetensors']!;
    const h = await readSafetensorsHeader(bufferSource('m', st));
    expect(h.problems).toEqual([]);
    expect(new Set(h.tensors.map((t) => t.dtype))).toEqual(new Set(['BF16']));
  });
});
