/** Open a GGUF file: architecture and tokenizer metadata, and tensors mapped onto Hugging Face names. */
import { createHash } from 'node:crypto';
import { InputError } from '../../core/errors.js';
import { fileSource } from '../../artifacts/index.js';
import { ggufArray, ggufNumber, ggufString, readGgufHeader, rowBytes, tensorDataRange, type GgufHeader } from '../../artifacts/gguf/index.js';
import { LINEAGE_TYPES } from '../kernels/dequant.js';
import type { ModelArch, ModelTensor, ModelTokenizer, OpenedModel } from '../types.js';
import { canonicalGgufName, roleOf } from './names.js';

function archOf(h: GgufHeader): ModelArch {
  const a = ggufString(h, 'general.architecture');
  const n = (k: string) => (a ? ggufNumber(h, `${a}.${k}`) : undefined);
  const tokens = ggufArray(h, 'tokenizer.ggml.tokens');
  const arch: ModelArch = { family: a, hidden: n('embedding_length'), layers: n('block_count'), heads: n('attention.head_count'), kvHeads: n('attention.head_count_kv') ?? n('attention.head_count'), ff: n('feed_forward_length'), vocab: n('vocab_size') ?? tokens?.length };
  return Object.fromEntries(Object.entries(arch).filter(([, v]) => v !== undefined)) as ModelArch;
}

function tokenizerOf(h: GgufHeader): ModelTokenizer {
  const tok: ModelTokenizer = { specials: {} };
  const tokens = ggufArray(h, 'tokenizer.ggml.tokens');
  if (tokens && !tokens.truncated) tok.tokens = tokens.items.map((t) => (typeof t === 'string' ? t : ''));
  const merges = ggufArray(h, 'tokenizer.ggml.merges');
  if (merges) tok.merges = { count: merges.length, digest: createHash('sha256').update(merges.items.map(String).join('\n')).digest('hex').slice(0, 16) };
  for (const k of ['bos', 'eos', 'unknown', 'padding']) {
    const id = ggufNumber(h, `tokenizer.ggml.${k}_token_id`);
    const s = id !== undefined ? tok.tokens?.[id] : undefined;
    if (s !== undefined) tok.specials[k === 'unknown' ? 'unk' : k === 'padding' ? 'pad' : k] = s;
  }
  return tok;
}

/** Open a GGUF model file. */
export async function openGgufFile(path: string, label: string): Promise<OpenedModel> {
  const src = await fileSource(path).catch((e: unknown) => {
    throw new InputError('MG_INPUT_NOT_FOUND', path, `cannot open: ${(e as Error).message}`, e);
  });
  try {
    const h = await readGgufHeader(src);
    if (!h.complete) throw new InputError('MG_INPUT_INVALID', path, h.problems[0]?.message ?? 'unreadable GGUF header');
    const arch = archOf(h);
    const tensors: ModelTensor[] = [];
    const skipped: string[] = [];
    for (const t of h.tensors) {
      const range = tensorDataRange(h, t, src.size);
      const type = t.type ?? '';
      if (!range || !LINEAGE_TYPES[type] || t.dims.length > 2) {
        skipped.push(t.name);
        continue;
      }
      const cols = Number(t.dims[0] ?? 1n);
      const rows = t.dims.length === 2 ? Number(t.dims[1]) : 1;
      const name = canonicalGgufName(t.name);
      const r = roleOf(name);
      // llama.cpp's converter interleaves q/k rows for rope; undo it so tensors compare with Hugging Face ones.
      const rope = arch.family === 'llama' && (r.role === 'q' || r.role === 'k') ? (r.role === 'q' ? arch.heads : arch.kvHeads) : undefined;
      tensors.push({ name, ...r, shape: [rows, cols], type, path, start: range.start, rowBytes: rowBytes(t.typeId, cols) ?? 0, ...(rope ? { ropeHeads: rope } : {}) });
    }
    const base = ggufString(h, 'general.base_model.0.name') ?? ggufString(h, 'general.base_model.0.repo_url');
    return { label, path, format: 'gguf', arch, tokenizer: tokenizerOf(h), ...(base ? { declaredBase: base } : {}), tensors, storage: [...new Set(tensors.map((t) => t.type))].sort(), skipped };
  } finally {
    await src.close();
  }
}
