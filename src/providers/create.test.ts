import { describe, expect, it } from 'vitest';
import { WrittenConfigSchema } from '../core/config/config.schema.js';
import { parseProviderRef, PROVIDER_TYPES, ProviderConfigSchema } from '../core/config/provider.schema.js';
import { ConfigError } from '../core/errors.js';
import { createProvider, providerConfigFromRef, providers, resolveSettings } from './index.js';

describe('registry', () => {
  it('has exactly one definition per provider type, keyed by its type', () => {
    expect(Object.keys(providers).sort()).toEqual([...PROVIDER_TYPES].sort());
    for (const [key, def] of Object.entries(providers)) expect(def.type).toBe(key);
  });

  it('creates adapters without network or model work, and closes them', async () => {
    const p = createProvider({ type: 'vllm', model: 'qwen' }, { env: {} });
    expect(p).toMatchObject({ id: 'vllm', type: 'vllm', capabilities: { rawPassthrough: true } });
    expect(typeof p.rawChat).toBe('function');
    const local = createProvider({ type: 'local', model_path: '/nonexistent.gguf' });
    expect(local.capabilities.jsonMode).toBe('grammar');
    await p.close();
    await local.close();
  });
});

describe('settings', () => {
  it('reads the key from the named variable and fails with the name, never a value', () => {
    const s = resolveSettings({ type: 'deepseek', api_key_env: 'MY_DS' }, providers.deepseek, { env: { MY_DS: 'sk-123' } });
    expect(s).toMatchObject({ apiKey: 'sk-123', baseURL: 'https://api.deepseek.com/v1', timeoutMs: 120_000, retries: 2 });
    expect(JSON.stringify(s)).not.toContain('sk-123');
    let err: unknown;
    try {
      resolveSettings({ type: 'openai' }, providers.openai, { env: { OTHER: 'sk-zzz' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain('OPENAI_API_KEY');
    expect((err as ConfigError).code).toBe('MG_CONFIG_INVALID');
  });

  it('fills ${NAME} in headers from the environment', () => {
    const s = resolveSettings({ type: 'openrouter', headers: { 'HTTP-Referer': 'https://${HOST}/app' } }, providers.openrouter, { env: { OPENROUTER_API_KEY: 'k', HOST: 'example.org' } });
    expect(s.headers).toEqual({ 'http-referer': 'https://example.org/app' });
    expect(() => resolveSettings({ type: 'vllm', headers: { 'X-T': '${NOPE}' } }, providers.vllm, { env: {} })).toThrow(/NOPE/);
  });

  it('defaults local providers to no retries and keeps local settings', () => {
    const s = resolveSettings({ type: 'local', model_path: 'm.gguf', threads: 1, context_size: 256 }, providers.local, { env: {} });
    expect(s).toMatchObject({ retries: 0, local: { modelPath: 'm.gguf', threads: 1, contextSize: 256, gpu: false } });
    expect(s.baseURL).toBeUndefined();
  });
});

describe('config schema', () => {
  it('accepts a providers section in modelgate.yaml', () => {
    const r = WrittenConfigSchema.safeParse({
      version: 1,
      providers: {
        qwen: { type: 'vllm', base_url: 'http://gpu-box:8000/v1', model: 'Qwen/Qwen2.5-7B-Instruct', self_hosted: { gpu_hour_usd: 2.1 }, limits: { concurrency: 8, rpm: 600 } },
        baseline: { type: 'anthropic', model: 'claude-sonnet-4-5', pricing: { input: 3, output: 15, cached_input: 0.3 } },
        tiny: { type: 'local', model_path: './models/tiny.gguf', context_size: 512, threads: 1 },
      },
    });
    expect(r.success).toBe(true);
    expect(r.success && r.data.providers.qwen?.self_hosted?.gpus).toBe(1);
  });

  it('rejects keys in headers, local-only fields elsewhere, a missing model_path and bad types', () => {
    const issues = (v: unknown) => (ProviderConfigSchema.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ type: 'openai', headers: { Authorization: 'Bearer sk-1' } })[0]).toMatch(/headers.Authorization: put credentials/);
    expect(issues({ type: 'vllm', threads: 2 })[0]).toMatch(/threads applies to type local only/);
    expect(issues({ type: 'local' })[0]).toMatch(/model_path/);
    expect(issues({ type: 'openai-compatible' })[0]).toMatch(/base_url/);
    expect(issues({ type: 'nope' })).toHaveLength(1);
    expect(issues({ type: 'openai', api_key_env: 'sk-live-abc' })[0]).toMatch(/environment variable name/);
  });

  it('rejects an id that differs from its key', () => {
    const r = WrittenConfigSchema.safeParse({ version: 1, providers: { a: { id: 'b', type: 'vllm' } } });
    expect(r.success).toBe(false);
  });
});

describe('provider refs', () => {
  it('parses TYPE:MODEL on the first colon only', () => {
    expect(parseProviderRef('ollama:qwen2.5:7b')).toEqual({ ok: true, value: { provider: 'ollama', model: 'qwen2.5:7b' } });
    expect(parseProviderRef('local:C:\\models\\m.gguf')).toEqual({ ok: true, value: { provider: 'local', model: 'C:\\models\\m.gguf' } });
    expect(parseProviderRef('gpt-4o').ok).toBe(false);
    expect(parseProviderRef('openai:').ok).toBe(false);
  });

  it('resolves refs to declared providers first, then to types', () => {
    const declared = { mine: { type: 'vllm' as const, base_url: 'http://h:8000/v1' } };
    expect(providerConfigFromRef('mine:qwen', declared)).toEqual({ ok: true, id: 'mine', config: { type: 'vllm', base_url: 'http://h:8000/v1', model: 'qwen' } });
    expect(providerConfigFromRef('local:./tiny.gguf')).toEqual({ ok: true, id: 'local', config: { type: 'local', model_path: './tiny.gguf' } });
    expect(providerConfigFromRef('openai-compatible:m')).toMatchObject({ ok: true, config: { type: 'openai-compatible', model: 'm' } });
    expect(providerConfigFromRef('nobody:m').ok).toBe(false);
  });
});
