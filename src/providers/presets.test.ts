import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderType } from '../core/config/provider.schema.js';
import { fakeProvider } from './testing/drain.js';
import { fixture, startFakeUpstream, type FakeUpstream } from './testing/fake-upstream.js';
import type { ChatRequest } from './types.js';

const chatJson = fixture(new URL('./openai-compatible/x', import.meta.url).href, 'chat.json');
const req: ChatRequest = {
  messages: [{ role: 'user', content: 'x' }],
  response_format: { type: 'json_schema', json_schema: { name: 'n', schema: { type: 'object' } } },
  temperature: 1.8,
  max_tokens: 10,
  seed: 1,
  user: 'u',
};

let fake: FakeUpstream;
afterEach(async () => fake?.close());

async function sent(type: ProviderType): Promise<Record<string, unknown>> {
  fake = await startFakeUpstream([{ body: chatJson }]);
  const r = await fakeProvider(fake.url, { type }).chat(req);
  expect(r.ok).toBe(true);
  return fake.requests[0]?.json as Record<string, unknown>;
}

describe('OpenAI-compatible presets shape the body as data', () => {
  it('openai sends max_completion_tokens', async () => {
    const b = await sent('openai');
    expect(b).toMatchObject({ max_completion_tokens: 10, seed: 1, temperature: 1.8 });
    expect(b.max_tokens).toBeUndefined();
  });

  it('deepseek downgrades json_schema to json_object and drops seed and user', async () => {
    const b = await sent('deepseek');
    expect(b.response_format).toEqual({ type: 'json_object' });
    expect(b.seed).toBeUndefined();
    expect(b.user).toBeUndefined();
  });

  it('moonshot clamps temperature to 1', async () => {
    expect((await sent('moonshot')).temperature).toBe(1);
  });

  it('zhipu renames user to user_id and does not ask for stream_options', async () => {
    fake = await startFakeUpstream([{ chunks: ['data: {"choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}]}\n\n', 'data: [DONE]\n\n'] }]);
    for await (const item of fakeProvider(fake.url, { type: 'zhipu' }).stream(req)) expect(item.ok).toBe(true);
    const b = fake.requests[0]?.json as Record<string, unknown>;
    expect(b).toMatchObject({ user_id: 'u', stream: true, temperature: 1 });
    expect(b.stream_options).toBeUndefined();
  });

  it('generic openai-compatible sends the request as written', async () => {
    expect(await sent('openai-compatible')).toMatchObject({ max_tokens: 10, seed: 1, user: 'u', response_format: req.response_format });
  });
});

describe('embeddings', () => {
  it('calls /embeddings and maps vectors and usage', async () => {
    fake = await startFakeUpstream([{ body: JSON.stringify({ object: 'list', model: 'bge-m3', data: [{ index: 0, embedding: [0.1, 0.2] }, { index: 1, embedding: [0.3, 0.4] }], usage: { prompt_tokens: 6, total_tokens: 6 } }) }]);
    const p = fakeProvider(fake.url);
    const r = await p.embeddings?.({ model: 'bge-m3', input: ['a', 'b'] });
    expect(r?.ok && r.value).toEqual({ model: 'bge-m3', data: [{ index: 0, embedding: [0.1, 0.2] }, { index: 1, embedding: [0.3, 0.4] }], usage: { prompt_tokens: 6, completion_tokens: 0, total_tokens: 6, source: 'api' } });
    expect(fake.requests[0]?.url).toBe('/v1/embeddings');
  });

  it('is absent where the upstream has none', () => {
    expect(fakeProvider('http://127.0.0.1:1', { type: 'deepseek' }).embeddings).toBeUndefined();
  });
});
