import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/index.js';
import { isModelgateError } from '../../core/errors.js';
import { tempProject } from '../../../test/support/temp-project.js';
import { responseCacheKey, canonicalJson } from './cache-key.js';
import { resolveModels, type ResolveContext } from './models.js';
import { fromPromptfooId } from './promptfoo-ids.js';

const CONFIG = parseConfig(
  [
    'version: 1',
    'models:',
    '  hosted: { provider: deepseek, model: deepseek-chat, version: "2025-01-20" }',
    '  via-declared: { provider: mine, model: qwen2.5-7b, version: v1 }',
    '  tiny: { source: ./models/tiny.gguf }',
    'providers:',
    '  mine: { type: vllm, base_url: "http://10.0.0.1:8000/v1", api_key_env: MINE_KEY }',
  ].join('\n'),
  'modelgate.yaml',
);

async function ctx(): Promise<ResolveContext> {
  const dir = await tempProject({ 'models/tiny.gguf': 'GGUF' });
  return { config: CONFIG, projectDir: dir, suiteDir: dir, env: {} };
}

describe('resolveModels', () => {
  it('resolves manifest names, declared providers, refs and promptfoo ids', async () => {
    const c = await ctx();
    const t = await resolveModels(
      [
        { ref: 'hosted', where: 'models[0]' },
        { ref: 'via-declared', where: 'models[1]' },
        { ref: 'tiny', where: 'models[2]' },
        { ref: 'mine:other-model', where: 'models[3]' },
        { ref: 'openai:chat:gpt-4o-mini', where: 'providers[0]', label: 'mini', config: { temperature: 0.2, apiBaseUrl: 'http://127.0.0.1:9/v1' } },
      ],
      c,
      'suite.yaml',
    );
    expect(t.map((x) => x.label)).toEqual(['hosted', 'via-declared', 'tiny', 'mine:other-model', 'mini']);
    expect(t[0]?.identity).toEqual({ provider: 'deepseek', base_url: null, model: 'deepseek-chat', revision: '2025-01-20' });
    expect(t[1]?.config).toMatchObject({ type: 'vllm', base_url: 'http://10.0.0.1:8000/v1', model: 'qwen2.5-7b' });
    expect(t[2]?.config).toMatchObject({ type: 'local', model_path: join(c.projectDir, 'models/tiny.gguf') });
    expect(t[2]?.identity.revision).toMatch(/^file:4:/);
    expect(t[3]?.config).toMatchObject({ type: 'vllm', model: 'other-model' });
    expect(t[4]?.config).toMatchObject({ type: 'openai-compatible', base_url: 'http://127.0.0.1:9/v1', api_key_env: 'OPENAI_API_KEY', model: 'gpt-4o-mini' });
    expect(t[4]?.request).toEqual({ temperature: 0.2 });
  });

  it('names every unsupported or unknown model with where it was listed (exit 2)', async () => {
    const c = await ctx();
    try {
      await resolveModels(
        [
          { ref: 'file://provider.py', where: 'providers[0]' },
          { ref: 'exec: python run.py', where: 'providers[1]' },
          { ref: 'nope', where: '--models' },
          { ref: 'openai:embedding:text-embedding-3-small', where: 'providers[2]' },
        ],
        c,
        'suite.yaml',
      );
      throw new Error('expected a failure');
    } catch (e) {
      if (!isModelgateError(e)) throw e;
      expect(e.exitCode).toBe(2);
      const msg = e.toLine();
      expect(msg).toContain('providers[0]: "file://provider.py": runs user code');
      expect(msg).toContain('providers[1]: "exec: python run.py"');
      expect(msg).toContain('--models: "nope": "nope" is not a model in modelgate.yaml');
      expect(msg).toContain('providers[2]: "openai:embedding:text-embedding-3-small": openai:embedding providers are not supported');
    }
  });

  it('rejects a local ref whose file is missing, and duplicate labels', async () => {
    const c = await ctx();
    await expect(resolveModels([{ ref: 'local:./missing.gguf', where: 'models[0]' }], c, 's.yaml')).rejects.toThrow(/missing\.gguf is not a file/);
    await writeFile(join(c.suiteDir, 'b.gguf'), 'x');
    await expect(resolveModels([{ ref: 'local:./b.gguf', where: 'a' }, { ref: 'local:./b.gguf', where: 'b' }], c, 's.yaml')).rejects.toThrow(/listed twice/);
  });
});

describe('promptfoo ids', () => {
  it('maps vendors and reads the base URL from config or the environment', () => {
    expect(fromPromptfooId('openai:gpt-4o', {}, { OPENAI_BASE_URL: 'http://proxy/v1' })).toMatchObject({ config: { type: 'openai-compatible', base_url: 'http://proxy/v1', model: 'gpt-4o' } });
    expect(fromPromptfooId('anthropic:messages:claude-3-5-haiku-latest', {}, {})).toMatchObject({ config: { type: 'anthropic', model: 'claude-3-5-haiku-latest' } });
    expect(fromPromptfooId('ollama:chat:llama3.1:8b', {}, {})).toMatchObject({ config: { type: 'ollama', model: 'llama3.1:8b' } });
    expect(fromPromptfooId('vertex:gemini-pro', {}, {})).toBeUndefined();
  });
});

describe('cache key', () => {
  const id = { provider: 'openai-compatible', base_url: 'http://x/v1', model: 'm', revision: null };
  const req = { messages: [{ role: 'user' as const, content: 'hi' }], temperature: 0 };
  it('is stable under key order and changes with model, revision, request and sample', () => {
    const k = responseCacheKey(id, req);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(responseCacheKey({ revision: null, model: 'm', base_url: 'http://x/v1', provider: 'openai-compatible' }, { temperature: 0, messages: req.messages })).toBe(k);
    expect(responseCacheKey({ ...id, revision: 'v2' }, req)).not.toBe(k);
    expect(responseCacheKey(id, { ...req, temperature: 1 })).not.toBe(k);
    expect(responseCacheKey(id, req, 1)).not.toBe(k);
    expect(responseCacheKey(id, req, 0)).toBe(k);
  });
  it('canonical JSON sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":2,"z":1}]},"b":1}');
  });
});
