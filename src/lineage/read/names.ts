/** Canonical tensor names and roles: GGUF names map onto Hugging Face llama names. */
import type { TensorRole } from '../types.js';

const GGUF_BLOCK: Readonly<Record<string, [string, TensorRole]>> = {
  attn_q: ['self_attn.q_proj', 'q'],
  attn_k: ['self_attn.k_proj', 'k'],
  attn_v: ['self_attn.v_proj', 'v'],
  attn_output: ['self_attn.o_proj', 'o'],
  ffn_gate: ['mlp.gate_proj', 'gate'],
  ffn_up: ['mlp.up_proj', 'up'],
  ffn_down: ['mlp.down_proj', 'down'],
  attn_norm: ['input_layernorm', 'norm'],
  ffn_norm: ['post_attention_layernorm', 'norm'],
};

const GGUF_TOP: Readonly<Record<string, string>> = {
  'token_embd.weight': 'model.embed_tokens.weight',
  'output_norm.weight': 'model.norm.weight',
  'output.weight': 'lm_head.weight',
};

/** Hugging Face name of a GGUF tensor (unknown names pass through). */
export function canonicalGgufName(name: string): string {
  const top = GGUF_TOP[name];
  if (top) return top;
  const m = /^blk\.(\d+)\.([a-z_]+)\.(weight|bias)$/.exec(name);
  const mapped = m ? GGUF_BLOCK[m[2] ?? ''] : undefined;
  return m && mapped ? `model.layers.${m[1]}.${mapped[0]}.${m[3]}` : name;
}

const HF_ROLES: ReadonlyArray<[RegExp, TensorRole]> = [
  [/q_proj\.weight$/, 'q'],
  [/k_proj\.weight$/, 'k'],
  [/v_proj\.weight$/, 'v'],
  [/o_proj\.weight$/, 'o'],
  [/gate_proj\.weight$/, 'gate'],
  [/up_proj\.weight$/, 'up'],
  [/down_proj\.weight$/, 'down'],
  [/norm\.weight$/, 'norm'],
  [/embed_tokens\.weight$/, 'embed'],
  [/lm_head\.weight$/, 'head'],
];

/** Role and layer of a canonical name. */
export function roleOf(name: string): { role: TensorRole; layer?: number } {
  const layer = /\.layers\.(\d+)\./.exec(name)?.[1];
  const role = HF_ROLES.find(([re]) => re.test(name))?.[1] ?? 'other';
  return layer === undefined ? { role } : { role, layer: Number(layer) };
}
