// Providers: one interface over hosted APIs, self-hosted servers and in-process GGUF models.
import type { ProviderConfig, ProviderType } from '../core/config/provider.schema.js';
import { anthropicProvider } from './anthropic/index.js';
import { createFromRegistry, type CreateProviderOptions } from './create.js';
import { dashscopeProvider } from './dashscope/index.js';
import { deepseekProvider } from './deepseek/index.js';
import type { ProviderDefinition } from './definition.js';
import { fireworksProvider } from './fireworks/index.js';
import { llamaCppProvider } from './llama-cpp/index.js';
import { lmStudioProvider } from './lm-studio/index.js';
import { localProvider } from './local/index.js';
import { moonshotProvider } from './moonshot/index.js';
import { ollamaProvider } from './ollama/index.js';
import { openaiProvider } from './openai/index.js';
import { openaiCompatibleProvider } from './openai-compatible/index.js';
import { openrouterProvider } from './openrouter/index.js';
import { sglangProvider } from './sglang/index.js';
import { togetherProvider } from './together/index.js';
import type { ProviderAdapter } from './types.js';
import { vllmProvider } from './vllm/index.js';
import { zhipuProvider } from './zhipu/index.js';

/**
 * The registry, keyed by provider type. `satisfies Record<ProviderType, …>`
 * ties it to PROVIDER_TYPES in core: a type without an entry, or an entry
 * without a type, fails `tsc`.
 */
export const providers = {
  'openai-compatible': openaiCompatibleProvider,
  anthropic: anthropicProvider,
  local: localProvider,
  openai: openaiProvider,
  deepseek: deepseekProvider,
  dashscope: dashscopeProvider,
  moonshot: moonshotProvider,
  zhipu: zhipuProvider,
  together: togetherProvider,
  fireworks: fireworksProvider,
  openrouter: openrouterProvider,
  vllm: vllmProvider,
  sglang: sglangProvider,
  'llama-cpp': llamaCppProvider,
  ollama: ollamaProvider,
  'lm-studio': lmStudioProvider,
} as const satisfies Record<ProviderType, ProviderDefinition>;

/** A registry key (same as a provider type). */
export type ProviderId = keyof typeof providers;

/**
 * Create a provider instance from a `providers:` entry, with retries, limits and pricing applied.
 * @example
 * const p = createProvider({ type: 'vllm', model: 'qwen2.5-7b' }, { id: 'vllm' });
 * const r = await p.chat({ messages: [{ role: 'user', content: 'Hello' }] });
 */
export function createProvider(config: ProviderConfig, options: CreateProviderOptions = {}): ProviderAdapter {
  return createFromRegistry(providers, config, options);
}

/** Create every provider of a `providers:` section, keyed by id. */
export function createProviders(section: Readonly<Record<string, ProviderConfig>>, options: Omit<CreateProviderOptions, 'id'> = {}): Record<string, ProviderAdapter> {
  const out: Record<string, ProviderAdapter> = {};
  for (const [id, config] of Object.entries(section)) out[id] = createProvider(config, { ...options, id });
  return out;
}

// Creating and calling
export { providerConfigFromRef, resolveSettings, DEFAULT_TIMEOUT_MS } from './create.js';
export type { CreateProviderOptions } from './create.js';
export { collectStream } from './collect.js';
export { parseProviderRef, PROVIDER_TYPES, ProviderConfigSchema } from '../core/config/provider.schema.js';
export type { ProviderConfig, ProviderType, ProviderRef } from '../core/config/provider.schema.js';
export type { ProviderDefinition, ProviderSettings } from './definition.js';
export type {
  ProviderAdapter,
  ChatRequest,
  ChatMessage,
  ChatResponse,
  ChatChunk,
  CallOptions,
  Capabilities,
  Result,
  Failure,
  FailureKind,
  Usage,
  UsageSource,
  Cost,
  ToolCall,
  ToolDefinition,
  ToolChoice,
  ResponseFormat,
  EmbeddingsRequest,
  EmbeddingsResponse,
  RawCallOptions,
  RawUpstreamResponse,
  PartialOutput,
} from './types.js';
export { FAILURE_KINDS } from './types.js';

// Adding providers
export { openAICompatible, hasRawChat } from './openai-compatible/index.js';
export type { OpenAICompatibleAdapter, OpenAICompatibleOptions } from './openai-compatible/index.js';
export { mapParams } from './shared/map-params.js';
export type { ParamMap, ParamSpec } from './shared/map-params.js';

// Streams, retries, limits (also for the gateway's raw path)
export { SseParser } from './shared/sse.js';
export { Tripwire } from './shared/tripwire.js';
export type { SseEvent } from './shared/sse.js';
export { ChunkAssembler } from './shared/assemble.js';
export { DEFAULT_RETRY, withRetry, retryDelay, parseRetryAfter } from './shared/retry.js';
export type { RetryPolicy } from './shared/retry.js';
export { Semaphore, TokenBucket, Limiter } from './shared/limits.js';

// Refusals and tokens
export { detectRefusal } from './shared/refusal.js';
export type { RefusalVerdict } from './shared/refusal.js';
export { estimateTokens, estimatePromptTokens } from './shared/tokens.js';

// Pricing
export { DEFAULT_PRICES, lookupPrice, computeCost, gpuCost, pricePerMillion, selfHostedCost, ThroughputMeter } from './pricing/index.js';
export type { PriceEntry, PriceTable, ResolvedPrice } from './pricing/index.js';

// Local engine
export { defaultThreads, disposeModels } from './local/index.js';
