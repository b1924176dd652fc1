/**
 * What the registry holds: a definition per provider type that turns resolved
 * settings into a live adapter. Definitions are plain objects, so importing
 * the registry does no work (no env reads, no sockets, no model loads).
 */
import type { PricingConfig, ProviderType, SelfHostedConfig } from '../core/config/provider.schema.js';
import type { Capabilities, ProviderAdapter } from './types.js';

/** A provider entry after config defaults and environment lookups were applied. */
export interface ProviderSettings {
  id: string;
  type: ProviderType;
  baseURL?: string;
  /** The resolved credential. Kept out of errors, logs and cache keys; adapters hold it in a closure. */
  apiKey?: string;
  headers: Record<string, string>;
  model?: string;
  timeoutMs: number;
  retries: number;
  concurrency?: number;
  rpm?: number;
  tokenizerPath?: string;
  pricing?: PricingConfig;
  selfHosted?: SelfHostedConfig;
  local?: { modelPath: string; contextSize?: number; threads?: number; gpu: false };
}

/** One registry entry: defaults plus a factory. */
export interface ProviderDefinition {
  readonly type: ProviderType;
  /** Human name for listings. */
  readonly title: string;
  readonly defaults: {
    baseURL?: string;
    /** Environment variable the key usually lives in (overridable by `api_key_env`). */
    apiKeyEnv?: string;
    /** Hosted APIs need a key; local servers (vLLM, Ollama, ...) usually do not. */
    keyRequired: boolean;
  };
  readonly capabilities: Capabilities;
  create(settings: ProviderSettings): ProviderAdapter;
}
