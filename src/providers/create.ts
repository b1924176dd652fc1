/**
 * From a `providers:` entry to a live adapter: apply the definition's
 * defaults, read the key from the named environment variable (at call time,
 * never at import), build the adapter and wrap it in the shared policies.
 * Problems are ConfigErrors that name variables and keys, never values.
 */
import { ConfigError } from '../core/errors.js';
import { isProviderType, parseProviderRef, type ProviderConfig, type ProviderType } from '../core/config/provider.schema.js';
import type { ProviderDefinition, ProviderSettings } from './definition.js';
import { Pricer, withPolicies } from './policy.js';
import { Limiter } from './shared/limits.js';
import { DEFAULT_RETRY, type RetryHooks } from './shared/retry.js';
import type { ProviderAdapter } from './types.js';

/** Options for createProvider. */
export interface CreateProviderOptions {
  /** Instance id; defaults to `config.id`, then the type. */
  id?: string;
  /** Where keys and `${NAME}` header values come from; defaults to process.env (read now, not at import). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Config file named in errors. */
  file?: string;
  /** Test and metrics hooks for retries. */
  retryHooks?: RetryHooks;
}

/** Default call timeout (ms). */
export const DEFAULT_TIMEOUT_MS = 120_000;

function interpolate(value: string, env: CreateProviderOptions['env'] & object, fail: (name: string) => never): string {
  return value.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (_, name: string) => env[name] ?? fail(name));
}

/** Resolve a config entry against its definition and the environment. */
export function resolveSettings(config: ProviderConfig, def: ProviderDefinition, o: CreateProviderOptions = {}): ProviderSettings {
  const id = o.id ?? config.id ?? config.type;
  const env = o.env ?? process.env;
  const file = o.file ?? 'modelgate.yaml';
  const bad = (msg: string): never => {
    throw new ConfigError('MG_CONFIG_INVALID', file, `providers.${id}: ${msg}`);
  };
  const keyEnv = config.api_key_env ?? def.defaults.apiKeyEnv;
  const apiKey = keyEnv ? env[keyEnv] : undefined;
  if (def.defaults.keyRequired && !apiKey) bad(`environment variable ${keyEnv ?? '(none named)'} is not set (set it, or name another with api_key_env)`);
  const baseURL = config.base_url ?? def.defaults.baseURL;
  if (config.type !== 'local' && !baseURL) bad('base_url is required');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(config.headers ?? {})) headers[k.toLowerCase()] = interpolate(v, env, (n) => bad(`headers.${k} uses \${${n}}, which is not set`));
  const s: ProviderSettings = {
    id,
    type: config.type,
    headers,
    timeoutMs: config.timeout_ms ?? DEFAULT_TIMEOUT_MS,
    // Retrying a local engine failure rarely helps; remote ones often do.
    retries: config.retries ?? (config.type === 'local' ? 0 : DEFAULT_RETRY.retries),
  };
  if (baseURL && config.type !== 'local') s.baseURL = baseURL;
  // Non-enumerable: a settings object that gets logged or serialized does not carry the key along.
  if (apiKey) Object.defineProperty(s, 'apiKey', { value: apiKey, enumerable: false });
  if (config.model) s.model = config.model;
  if (config.limits?.concurrency) s.concurrency = config.limits.concurrency;
  if (config.limits?.rpm) s.rpm = config.limits.rpm;
  if (config.tokenizer_path) s.tokenizerPath = config.tokenizer_path;
  if (config.pricing) s.pricing = config.pricing;
  if (config.self_hosted) s.selfHosted = config.self_hosted;
  if (config.type === 'local' && config.model_path) {
    s.local = { modelPath: config.model_path, gpu: false, ...(config.context_size ? { contextSize: config.context_size } : {}), ...(config.threads ? { threads: config.threads } : {}) };
  }
  return s;
}

/** Build a policy-wrapped adapter from a config entry using a registry. */
export function createFromRegistry(registry: Readonly<Record<ProviderType, ProviderDefinition>>, config: ProviderConfig, o: CreateProviderOptions = {}): ProviderAdapter {
  const def = registry[config.type];
  const s = resolveSettings(config, def, o);
  const inner = def.create(s);
  // The local engine bounds concurrency itself (one sequence per slot); only RPM applies on top.
  const limiter = new Limiter({ ...(s.type === 'local' ? {} : { concurrency: s.concurrency }), rpm: s.rpm });
  return withPolicies(inner, { retry: { ...DEFAULT_RETRY, retries: s.retries }, limiter, pricer: new Pricer(s.pricing, s.selfHosted), hooks: o.retryHooks });
}

/**
 * The config entry a provider ref names: a declared id (its entry, with the
 * ref's model), or a provider type (a fresh entry with defaults).
 * @example providerConfigFromRef('local:./tiny.gguf') // { ok: true, id: 'local', config: { type: 'local', model_path: './tiny.gguf' } }
 */
export function providerConfigFromRef(
  ref: string,
  declared: Readonly<Record<string, ProviderConfig>> = {},
): { ok: true; id: string; config: ProviderConfig } | { ok: false; message: string } {
  const parsed = parseProviderRef(ref);
  if (!parsed.ok) return parsed;
  const { provider, model } = parsed.value;
  const entry = declared[provider];
  if (entry) {
    return { ok: true, id: provider, config: entry.type === 'local' ? { ...entry, model_path: model } : { ...entry, model } };
  }
  if (!isProviderType(provider)) return { ok: false, message: `"${provider}" is neither a declared provider nor a provider type` };
  if (provider === 'local') return { ok: true, id: provider, config: { type: 'local', model_path: model } };
  return { ok: true, id: provider, config: { type: provider, model } };
}
