/**
 * Any server that speaks OpenAI chat completions: vLLM, SGLang, llama.cpp
 * server, Ollama, LM Studio, and hosted APIs (OpenAI, DeepSeek, DashScope,
 * Moonshot, Zhipu, Together, Fireworks, OpenRouter). Vendors differ only in
 * base URL, key variable and a few parameters, so each is a preset of
 * `openAICompatible({ ... })` in its own folder.
 */
import type { ProviderType } from '../../core/config/provider.schema.js';
import type { ProviderDefinition } from '../definition.js';
import type { ParamMap } from '../shared/map-params.js';
import type { Capabilities } from '../types.js';
import { createOpenAICompatibleAdapter, type OpenAICompatibleAdapter } from './adapter.js';

/** What distinguishes one OpenAI-compatible vendor from another. */
export interface OpenAICompatibleOptions {
  id: ProviderType;
  title: string;
  /** Default base URL including the version prefix, e.g. `https://api.deepseek.com/v1`. */
  baseURL?: string;
  apiKeyEnv?: string;
  /** Defaults to true when `apiKeyEnv` is set. */
  keyRequired?: boolean;
  /** Wire parameters the vendor rejects (e.g. `seed`, `stream_options`). */
  drop?: readonly string[];
  /** Parameter map changes (renames, tighter ranges, transforms). */
  overrides?: ParamMap;
  /** Whether `/embeddings` exists. Defaults to true. */
  embeddings?: boolean;
}

/** The definition of an OpenAI-compatible provider whose adapters offer `rawChat`. */
export interface OpenAICompatibleDefinition extends ProviderDefinition {
  create(settings: Parameters<ProviderDefinition['create']>[0]): OpenAICompatibleAdapter;
}

/**
 * Define an OpenAI-compatible provider.
 * @example
 * export const deepseekProvider = openAICompatible({ id: 'deepseek', title: 'DeepSeek', baseURL: 'https://api.deepseek.com/v1', apiKeyEnv: 'DEEPSEEK_API_KEY', drop: ['seed'] });
 */
export function openAICompatible(o: OpenAICompatibleOptions): OpenAICompatibleDefinition {
  const capabilities: Capabilities = { streaming: true, tools: true, jsonMode: 'native', embeddings: o.embeddings ?? true, rawPassthrough: true };
  const quirks = { drop: o.drop ?? [], overrides: o.overrides, embeddings: o.embeddings ?? true };
  return {
    type: o.id,
    title: o.title,
    defaults: { baseURL: o.baseURL, apiKeyEnv: o.apiKeyEnv, keyRequired: o.keyRequired ?? o.apiKeyEnv !== undefined },
    capabilities,
    create: (settings) => createOpenAICompatibleAdapter(settings, quirks, capabilities),
  };
}

/** Generic entry: base URL from config, key optional (`api_key_env`). */
export const openaiCompatibleProvider = openAICompatible({ id: 'openai-compatible', title: 'OpenAI-compatible server', keyRequired: false });

export { hasRawChat, createOpenAICompatibleAdapter } from './adapter.js';
export type { OpenAICompatibleAdapter } from './adapter.js';
export { OPENAI_PARAMS, jsonObjectOnly } from './chat.js';
