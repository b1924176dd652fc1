/**
 * promptfoo provider ids (`openai:chat:gpt-4o-mini`, `anthropic:messages:…`,
 * `ollama:chat:llama3`) mapped to modelgate provider configs. Ids that run
 * user code or shell commands (`file://`, `exec:`, `python:`) and HTTP
 * wrappers are unsupported, reported by the caller with exit 2.
 */
import type { ProviderConfig, ProviderType } from '../../providers/index.js';

/** Why a provider id cannot run here. */
export function unsupportedReason(ref: string): string | undefined {
  if (/^(file|python|exec|golang|ruby):/i.test(ref) || /\.(py|js|mjs|cjs|ts|sh|rb|go)$/i.test(ref)) return 'runs user code, which modelgate does not execute';
  if (/^(https?|webhook|websocket|http):/i.test(ref)) return 'HTTP-wrapper providers are not supported; declare an openai-compatible provider in modelgate.yaml';
  if (/^(echo|sequence|manual-input|browser|mcp|simulated-user)(:|$)/i.test(ref)) return 'this promptfoo provider has no modelgate equivalent';
  return undefined;
}

/** promptfoo vendor prefixes and the modelgate type each maps to. */
const VENDORS: Record<string, ProviderType> = {
  openai: 'openai-compatible',
  anthropic: 'anthropic',
  ollama: 'ollama',
  openrouter: 'openrouter',
  deepseek: 'deepseek',
  togetherai: 'together',
  together: 'together',
  fireworks: 'fireworks',
  vllm: 'vllm',
  localai: 'openai-compatible',
};

/** promptfoo request settings a provider `config` may carry, by our name. */
const REQUEST_KEYS = ['temperature', 'top_p', 'max_tokens', 'seed', 'stop', 'response_format'] as const;

/** A promptfoo id turned into a provider config plus per-model request settings. */
export interface PromptfooTarget {
  config: ProviderConfig;
  request: Record<string, unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/**
 * Map `vendor:chat:model` / `vendor:messages:model` / `vendor:model`; undefined
 * when the vendor is not one promptfoo and modelgate share.
 * @example fromPromptfooId('openai:chat:gpt-4o-mini', {}, {})?.config // { type: 'openai-compatible', base_url: 'https://api.openai.com/v1', … }
 */
export function fromPromptfooId(id: string, cfg: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>): PromptfooTarget | { error: string } | undefined {
  const parts = id.split(':');
  const vendor = (parts[0] ?? '').toLowerCase();
  const type = VENDORS[vendor];
  if (!type || parts.length < 2) return undefined;
  let model = parts.slice(1).join(':');
  const kind = parts.length >= 3 ? (parts[1] ?? '').toLowerCase() : '';
  if (kind === 'chat' || kind === 'messages') model = parts.slice(2).join(':');
  else if (['completion', 'embedding', 'embeddings', 'assistant', 'realtime', 'responses', 'image'].includes(kind)) {
    return { error: `${vendor}:${kind} providers are not supported (chat models only)` };
  }
  if (!model) return { error: 'names no model' };
  const config: ProviderConfig = { type, model };
  const host = str(cfg.apiHost);
  const base = str(cfg.apiBaseUrl) ?? (host ? `https://${host}/v1` : undefined);
  if (vendor === 'openai') {
    config.base_url = base ?? str(env.OPENAI_BASE_URL) ?? str(env.OPENAI_API_BASE_URL) ?? 'https://api.openai.com/v1';
    config.api_key_env = str(cfg.apiKeyEnvar) ?? 'OPENAI_API_KEY';
  } else if (base) config.base_url = base;
  if (vendor === 'localai' && !config.base_url) return { error: 'localai needs config.apiBaseUrl' };
  const pricing = cfg.pricing as { input?: unknown; output?: unknown } | undefined;
  if (pricing && typeof pricing.input === 'number' && typeof pricing.output === 'number') config.pricing = { input: pricing.input, output: pricing.output };
  const request: Record<string, unknown> = {};
  for (const k of REQUEST_KEYS) if (cfg[k] !== undefined) request[k] = cfg[k];
  if (cfg.max_completion_tokens !== undefined && request.max_tokens === undefined) request.max_tokens = cfg.max_completion_tokens;
  return { config, request };
}
