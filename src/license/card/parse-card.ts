/**
 * Model cards (README.md) carry YAML front matter between `---` lines. The
 * fields that matter for licenses and lineage are normalised here; the rest
 * is kept for the BOM.
 */
import { parse } from 'yaml';

/** How a model relates to its base model(s), per the hub's model-card spec. */
export const BASE_MODEL_RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'] as const;
export type BaseModelRelation = (typeof BASE_MODEL_RELATIONS)[number];

/** The normalised front matter of a model card. */
export interface ModelCard {
  license?: string;
  licenseName?: string;
  licenseLink?: string;
  /** Base models as written (`org/repo` hub ids or manifest names). */
  baseModels: string[];
  baseModelRelation?: BaseModelRelation;
  /** Every front-matter field, for reports and the BOM. */
  fields: Record<string, unknown>;
  /** Problems reading the front matter (broken YAML, wrong types). */
  problems: string[];
}

const MAX_FRONT_MATTER = 256 * 1024;

/** Parse a model card's front matter; never throws. */
export function parseModelCard(text: string): ModelCard {
  const card: ModelCard = { baseModels: [], fields: {}, problems: [] };
  const body = text.replace(/^\uFEFF/, '');
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(body.slice(0, MAX_FRONT_MATTER + 16));
  if (!m) return card;
  let data: unknown;
  try {
    data = parse(m[1] ?? '', { maxAliasCount: 50 });
  } catch (e) {
    card.problems.push(`front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return card;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    if (data != null) card.problems.push('front matter is not a mapping');
    return card;
  }
  card.fields = data as Record<string, unknown>;
  card.license = str(card.fields.license, 'license', card.problems);
  card.licenseName = str(card.fields.license_name, 'license_name', card.problems);
  card.licenseLink = str(card.fields.license_link, 'license_link', card.problems);
  card.baseModels = strList(card.fields.base_model, 'base_model', card.problems);
  const rel = card.fields.base_model_relation;
  if (typeof rel === 'string' && (BASE_MODEL_RELATIONS as readonly string[]).includes(rel)) card.baseModelRelation = rel as BaseModelRelation;
  else if (rel !== undefined) card.problems.push(`base_model_relation "${String(rel)}" is not one of ${BASE_MODEL_RELATIONS.join(', ')}`);
  return card;
}

function str(v: unknown, key: string, problems: string[]): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  // Cards sometimes list several licenses; keep the first and say so.
  if (Array.isArray(v) && typeof v[0] === 'string') {
    if (v.length > 1) problems.push(`${key} lists ${v.length} values; using "${v[0]}"`);
    return v[0];
  }
  problems.push(`${key} is not a string`);
  return undefined;
}

function strList(v: unknown, key: string, problems: string[]): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v.trim()].filter(Boolean);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter(Boolean);
  problems.push(`${key} is neither a string nor a list`);
  return [];
}
