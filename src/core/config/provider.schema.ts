/**
 * The `providers:` section of modelgate.yaml: which model APIs (hosted,
 * self-hosted or an in-process GGUF) the eval harness, the red-team runner
 * and the gateway may call.
 *
 * Core imports nothing from `src/providers/`, so the list of provider types
 * lives here as data; `src/providers/index.ts` declares its registry with
 * `satisfies Record<ProviderType, ProviderDefinition>`, which makes `tsc` fail
 * when the two disagree in either direction (a type without an adapter, or an
 * adapter without a type). The names are written once, here.
 */
import { z } from 'zod';

/** Every provider type a config may name; one folder per entry under `src/providers/`. */
export const PROVIDER_TYPES = [
  'openai-compatible',
  'anthropic',
  'local',
  'openai',
  'deepseek',
  'dashscope',
  'moonshot',
  'zhipu',
  'together',
  'fireworks',
  'openrouter',
  'vllm',
  'sglang',
  'llama-cpp',
  'ollama',
  'lm-studio',
] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** Provider ids appear in logs, metrics and model refs, so keep them tame. */
export const PROVIDER_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** Header names that carry credentials: they must come from `api_key_env`, never from the file. */
const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'api-key', 'proxy-authorization']);

/** Prices in USD per 1M tokens. */
export const PricingSchema = z.strictObject({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  /** Price of prompt tokens served from the upstream's prompt cache; `input` when absent. */
  cached_input: z.number().nonnegative().optional(),
});
export type PricingConfig = z.infer<typeof PricingSchema>;

/** Self-hosted cost model: GPU rent, turned into $/token with measured throughput. */
export const SelfHostedSchema = z.strictObject({
  gpu_hour_usd: z.number().nonnegative(),
  gpus: z.number().int().positive().default(1),
});
export type SelfHostedConfig = z.infer<typeof SelfHostedSchema>;

/** Per-provider-instance limits applied before a request leaves the process. */
export const LimitsSchema = z.strictObject({
  concurrency: z.number().int().positive().optional(),
  rpm: z.number().positive().optional(),
});

/** One entry of `providers:`. */
export const ProviderConfigSchema = z
  .strictObject({
    /** Defaults to the key of the entry; when given it must equal the key. */
    id: z.string().regex(PROVIDER_ID).optional(),
    type: z.enum(PROVIDER_TYPES),
    base_url: z.url().optional(),
    /** Name of the environment variable holding the API key (never the key itself). */
    api_key_env: z.string().regex(ENV_NAME, 'expected an environment variable name such as OPENAI_API_KEY').optional(),
    /** Extra request headers; `${NAME}` in a value is read from the environment. */
    headers: z.record(z.string().min(1), z.string()).optional(),
    /** Default model name sent upstream. */
    model: z.string().min(1).optional(),
    pricing: PricingSchema.optional(),
    self_hosted: SelfHostedSchema.optional(),
    limits: LimitsSchema.optional(),
    retries: z.number().int().min(0).max(10).optional(),
    timeout_ms: z.number().int().positive().optional(),
    /** A GGUF whose vocabulary counts tokens when the upstream reports no usage. */
    tokenizer_path: z.string().min(1).optional(),
    // `local` only
    model_path: z.string().min(1).optional(),
    context_size: z.number().int().min(16).optional(),
    threads: z.number().int().positive().optional(),
    gpu: z.literal(false).optional(),
  })
  .superRefine((p, ctx) => {
    const localOnly = ['model_path', 'context_size', 'threads', 'gpu'] as const;
    if (p.type === 'local') {
      if (!p.model_path) ctx.addIssue({ code: 'custom', path: ['model_path'], message: 'a `local` provider needs model_path (a .gguf file)' });
      if (p.base_url) ctx.addIssue({ code: 'custom', path: ['base_url'], message: 'a `local` provider runs in-process and takes no base_url' });
    } else {
      for (const k of localOnly) if (p[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: `${k} applies to type local only` });
    }
    if (p.type === 'openai-compatible' && !p.base_url) {
      ctx.addIssue({ code: 'custom', path: ['base_url'], message: 'openai-compatible needs base_url (or use a preset type such as vllm or deepseek)' });
    }
    for (const name of Object.keys(p.headers ?? {})) {
      if (SECRET_HEADERS.has(name.toLowerCase())) {
        ctx.addIssue({ code: 'custom', path: ['headers', name], message: `put credentials in an environment variable named by api_key_env, not in headers.${name}` });
      }
    }
  });
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>;

/** The whole `providers:` map, keyed by provider id. */
export const ProvidersSectionSchema = z
  .record(z.string().regex(PROVIDER_ID, 'provider ids use letters, digits, ".", "_" and "-"'), ProviderConfigSchema)
  .superRefine((map, ctx) => {
    for (const [key, p] of Object.entries(map)) {
      if (p.id !== undefined && p.id !== key) ctx.addIssue({ code: 'custom', path: [key, 'id'], message: `id "${p.id}" differs from its key "${key}"` });
    }
  });

/** A provider named in a string: `TYPE_OR_ID:MODEL`, e.g. `openai-compatible:qwen2.5-7b` or `local:./m.gguf`. */
export interface ProviderRef {
  /** A provider type from PROVIDER_TYPES or the id of an entry in `providers:`. */
  provider: string;
  /** Model name, or for `local` the GGUF path. */
  model: string;
}

/**
 * Parse the string shorthand used by eval suites. Only the first `:` splits,
 * so Windows paths (`local:C:\m.gguf`) and model names with colons
 * (`ollama:qwen2.5:7b`) survive.
 * @example parseProviderRef('local:./tiny.gguf') // { ok: true, value: { provider: 'local', model: './tiny.gguf' } }
 */
export function parseProviderRef(ref: string): { ok: true; value: ProviderRef } | { ok: false; message: string } {
  const at = ref.indexOf(':');
  if (at <= 0) return { ok: false, message: `"${ref}" is not PROVIDER:MODEL (e.g. openai-compatible:qwen2.5-7b or local:./model.gguf)` };
  const provider = ref.slice(0, at);
  const model = ref.slice(at + 1).trim();
  if (!PROVIDER_ID.test(provider)) return { ok: false, message: `"${provider}" is not a valid provider type or id` };
  if (!model) return { ok: false, message: `"${ref}" names no model after "${provider}:"` };
  return { ok: true, value: { provider, model } };
}

/** True when `name` is one of the built-in provider types. */
export function isProviderType(name: string): name is ProviderType {
  return (PROVIDER_TYPES as readonly string[]).includes(name);
}
