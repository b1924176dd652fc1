/**
 * Open a Hugging Face model folder: config.json, tokenizer files, the card's
 * `base_model`, and the tensors of model.safetensors or of every shard named in
 * model.safetensors.index.json. Only headers are read here.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../core/errors.js';
import { fileSource } from '../../artifacts/index.js';
import { isPlainFileName, readSafetensorsHeader } from '../../artifacts/safetensors/index.js';
import { LINEAGE_TYPES } from '../kernels/dequant.js';
import type { ModelArch, ModelTensor, ModelTokenizer, OpenedModel } from '../types.js';
import { roleOf } from './names.js';

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    throw new InputError('MG_INPUT_INVALID', path, 'is not valid JSON');
  }
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Architecture fields of a config.json. */
export function archFromConfig(c: Record<string, unknown>): ModelArch {
  const family = typeof c.model_type === 'string' ? c.model_type : undefined;
  const arch: ModelArch = { family, hidden: num(c.hidden_size), layers: num(c.num_hidden_layers), heads: num(c.num_attention_heads), kvHeads: num(c.num_key_value_heads) ?? num(c.num_attention_heads), ff: num(c.intermediate_size), vocab: num(c.vocab_size) };
  return Object.fromEntries(Object.entries(arch).filter(([, v]) => v !== undefined)) as ModelArch;
}

/** Vocabulary, merges and special tokens from tokenizer.json and tokenizer_config.json. */
async function readTokenizer(dir: string): Promise<ModelTokenizer> {
  const tok: ModelTokenizer = { specials: {} };
  const tj = await readJson(join(dir, 'tokenizer.json'));
  const model = tj?.model as { vocab?: Record<string, number>; merges?: unknown[] } | undefined;
  if (model?.vocab && typeof model.vocab === 'object') {
    const tokens: string[] = [];
    for (const [t, id] of Object.entries(model.vocab)) if (typeof id === 'number') tokens[id] = t;
    tok.tokens = Array.from(tokens, (t) => t ?? '');
  }
  if (Array.isArray(model?.merges)) {
    const text = model.merges.map((m) => (Array.isArray(m) ? m.join(' ') : String(m))).join('\n');
    tok.merges = { count: model.merges.length, digest: createHash('sha256').update(text).digest('hex').slice(0, 16) };
  }
  const tc = await readJson(join(dir, 'tokenizer_config.json'));
  for (const k of ['bos_token', 'eos_token', 'unk_token', 'pad_token']) {
    const v = tc?.[k];
    const s = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? (v as { content?: unknown }).content : undefined;
    if (typeof s === 'string') tok.specials[k.replace('_token', '')] = s;
  }
  return tok;
}

/** `base_model` from README.md front matter; undefined when the card declares none. */
export async function cardBaseModel(dir: string): Promise<string | undefined> {
  const text = await readFile(join(dir, 'README.md'), 'utf8').catch(() => undefined);
  const m = text ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text) : null;
  if (!m) return undefined;
  let front: unknown;
  try {
    front = parseYaml(m[1] ?? '');
  } catch {
    return undefined;
  }
  const base = (front as { base_model?: unknown } | null)?.base_model;
  if (typeof base === 'string') return base;
  return Array.isArray(base) && typeof base[0] === 'string' ? base.join(', ') : undefined;
}

/** The shard files of a folder: from the index when present, else model.safetensors. */
async function shardFiles(dir: string): Promise<string[]> {
  const index = await readJson(join(dir, 'model.safetensors.index.json'));
  const map = index?.weight_map;
  if (map && typeof map === 'object') {
    const shards = [...new Set(Object.values(map as Record<string, unknown>).filter((s): s is string => typeof s === 'string'))];
    const bad = shards.find((s) => !isPlainFileName(s));
    if (bad) throw new InputError('MG_INPUT_INVALID', join(dir, 'model.safetensors.index.json'), `shard '${bad}' is not a plain file name`);
    return shards.sort();
  }
  return ['model.safetensors'];
}

/** Open a safetensors model folder. */
export async function openSafetensorsFolder(dir: string, label: string): Promise<OpenedModel> {
  const config = (await readJson(join(dir, 'config.json'))) ?? {};
  const tensors: ModelTensor[] = [];
  const skipped: string[] = [];
  for (const shard of await shardFiles(dir)) {
    const path = join(dir, shard);
    const src = await fileSource(path).catch((e: unknown) => {
      throw new InputError('MG_INPUT_NOT_FOUND', path, `cannot open: ${(e as Error).message}`, e);
    });
    try {
      const h = await readSafetensorsHeader(src);
      if (!h.complete) throw new InputError('MG_INPUT_INVALID', path, h.problems[0]?.message ?? 'unreadable safetensors header');
      for (const t of h.tensors) {
        const info = LINEAGE_TYPES[t.dtype];
        if (!info || t.shape.length > 2 || t.shape.length === 0) {
          skipped.push(t.name);
          continue;
        }
        const shape: [number, number] = t.shape.length === 1 ? [1, t.shape[0] ?? 0] : [t.shape[0] ?? 0, t.shape[1] ?? 0];
        tensors.push({ name: t.name, ...roleOf(t.name), shape, type: t.dtype, path, start: t.start, rowBytes: shape[1] * info.bytes });
      }
    } finally {
      await src.close();
    }
  }
  const declaredBase = await cardBaseModel(dir);
  return {
    label, path: dir, format: 'safetensors', arch: archFromConfig(config), tokenizer: await readTokenizer(dir),
    ...(declaredBase !== undefined ? { declaredBase } : {}),
    tensors, storage: [...new Set(tensors.map((t) => t.type))].sort(), skipped,
  };
}
