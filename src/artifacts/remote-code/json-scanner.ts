/**
 * Format scanner for JSON files in a model folder. It flags only what can run
 * or redirect code: `auto_map` (config.json, tokenizer_config.json and other
 * processor configs) and `custom_pipelines`, `chat_template` entries, and shard indexes whose
 * `weight_map` names paths outside the folder.
 */
import type { Finding } from '../../core/findings.js';
import type { ByteSource } from '../io/byte-source.js';
import { checkShardIndex } from '../safetensors/shard-index.js';
import { SAFETENSORS_INDEX_PATH, SAFETENSORS_INDEX_SHARD } from '../safetensors/rules.js';
import { defineScanner, type ScanContext } from '../scanner.js';
import { autoMapFindings, customPipelineFindings } from './auto-map.js';
import { templateFindings } from './template-findings.js';
import { readText } from './read-text.js';
import { CHAT_TEMPLATE_RULES, JSON_MALFORMED, JSON_TOO_LARGE, REMOTE_CODE_AUTO_MAP } from './rules.js';
import { siblingNames } from './siblings.js';

/** JSON files larger than this are not parsed (tokenizer.json files run to tens of MB). */
export const MAX_JSON_BYTES = 64 << 20;

/** Format scanner for `.json` files. */
export const jsonScanner = defineScanner({
  format: 'json',
  title: 'JSON configuration (auto_map, chat templates, shard indexes)',
  rules: [REMOTE_CODE_AUTO_MAP, ...CHAT_TEMPLATE_RULES, SAFETENSORS_INDEX_PATH, SAFETENSORS_INDEX_SHARD, JSON_MALFORMED, JSON_TOO_LARGE],
  scan: scanJson,
});

/** Scan a JSON source; also used by the text scanner for `.json` files that did not sniff as JSON. */
export async function scanJson(src: ByteSource, ctx: ScanContext): Promise<Finding[]> {
  if (src.size > MAX_JSON_BYTES) {
    return [{ ruleId: JSON_TOO_LARGE.id, severity: 'low', file: src.name, message: `${src.size} bytes, over the ${MAX_JSON_BYTES >> 20} MiB parse limit; auto_map and chat_template not checked` }];
  }
  const { text } = await readText(src, MAX_JSON_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return [{ ruleId: JSON_MALFORMED.id, severity: 'low', file: src.name, message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const obj = value as Record<string, unknown>;
  const needsSiblings = 'auto_map' in obj || 'custom_pipelines' in obj || 'weight_map' in obj;
  const siblings = needsSiblings ? await siblingNames(src, ctx.depth) : undefined;
  const findings: Finding[] = [];
  if ('auto_map' in obj) findings.push(...autoMapFindings(src.name, obj.auto_map, siblings));
  if ('custom_pipelines' in obj) findings.push(...customPipelineFindings(src.name, obj.custom_pipelines, siblings));
  if ('chat_template' in obj) findings.push(...chatTemplateEntries(src.name, obj.chat_template));
  if ('weight_map' in obj) findings.push(...checkShardIndex(src.name, obj, siblings));
  return findings;
}

/** `chat_template` is a string, or a list of `{ name, template }` (named templates such as tool_use). */
function chatTemplateEntries(file: string, value: unknown): Finding[] {
  if (typeof value === 'string') return templateFindings(file, value, { key: 'chat_template' });
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) => {
    if (typeof item !== 'object' || item === null) return [];
    const { name, template } = item as Record<string, unknown>;
    if (typeof template !== 'string') return [];
    const label = typeof name === 'string' ? name : String(i);
    return templateFindings(file, template, { key: `chat_template[${label}]` });
  });
}
