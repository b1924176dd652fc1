/**
 * Which base models a model declares, and how it relates to them. The card's
 * `base_model` wins; a GGUF header's `general.base_model.*` keys are the
 * fallback for a bare converted file. When the card does not state
 * `base_model_relation`, it is inferred from the files as the hub does.
 */
import type { BaseModelRelation } from '../card/parse-card.js';
import type { ModelDocs } from './types.js';

/** Declared base models and the relation to them. */
export interface BaseModels {
  refs: string[];
  from: 'card' | 'gguf' | undefined;
  /** Field to cite as evidence (`README.md: base_model`). */
  field: string | undefined;
  relation: BaseModelRelation | undefined;
  inferred: boolean;
}

const HUB_URL = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/([^/?#\s]+\/[^/?#\s]+?)(?:\.git)?\/?(?:[?#].*)?$/i;

/** Normalise a base-model reference: hub URLs and `hf:` prefixes become `org/repo`. */
export function normalizeRef(ref: string): string {
  const t = ref.trim();
  const url = HUB_URL.exec(t);
  if (url?.[1]) return url[1];
  if (t.startsWith('hf:')) return t.slice(3).split('@')[0] ?? t;
  return t;
}

/** The base models a model declares and its relation to them. */
export function baseModelsOf(docs: ModelDocs): BaseModels {
  const card = docs.parsedCard;
  let refs = card.baseModels.map(normalizeRef).filter(Boolean);
  let from: BaseModels['from'] = refs.length > 0 ? 'card' : undefined;
  let field = from ? `${docs.card?.path ?? 'README.md'}: base_model` : undefined;
  if (refs.length === 0 && docs.gguf) {
    refs = ggufBaseModels(docs.gguf.kv);
    if (refs.length > 0) {
      from = 'gguf';
      field = `${docs.gguf.path}: general.base_model.*`;
    }
  }
  refs = [...new Set(refs)];
  if (refs.length === 0) return { refs, from, field, relation: undefined, inferred: false };
  if (card.baseModelRelation) return { refs, from, field, relation: card.baseModelRelation, inferred: false };
  return { refs, from, field, relation: inferRelation(docs, refs.length, from), inferred: true };
}

function inferRelation(docs: ModelDocs, count: number, from: BaseModels['from']): BaseModelRelation {
  const names = docs.fileNames.map((p) => p.toLowerCase());
  if (names.some((p) => p === 'adapter_config.json' || p.endsWith('/adapter_config.json'))) return 'adapter';
  if (from === 'gguf' || names.some((p) => p.endsWith('.gguf'))) return 'quantized';
  return count > 1 ? 'merge' : 'finetune';
}

/** `general.base_model.{i}.repo_url` (else `.name`) for i below `general.base_model.count`. */
export function ggufBaseModels(kv: Record<string, unknown>): string[] {
  const count = Number(kv['general.base_model.count'] ?? 0);
  const out: string[] = [];
  for (let i = 0; i < Math.min(Number.isFinite(count) ? count : 0, 16); i++) {
    const url = kv[`general.base_model.${i}.repo_url`];
    const org = kv[`general.base_model.${i}.organization`];
    const name = kv[`general.base_model.${i}.name`];
    if (typeof url === 'string' && url.trim()) out.push(normalizeRef(url));
    else if (typeof name === 'string' && name.trim()) out.push(typeof org === 'string' && org.trim() ? `${org.trim()}/${name.trim()}` : name.trim());
  }
  return out;
}
