// The official openai SDK, unmodified, against the gateway: chat, streaming, tools and errors.
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../../src/providers/testing/fake-upstream.js';
import { ADMIN_KEY, startTestGateway, type TestGateway } from '../../src/gateway/test-support/test-gateway.js';
import { completion, sseStream } from '../../src/gateway/test-support/openai-wire.js';

let up: FakeUpstream | undefined;
let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  await up?.close();
  t = undefined;
  up = undefined;
});

const client = (url: string, apiKey = ADMIN_KEY) => new OpenAI({ baseURL: `${url}/v1`, apiKey, maxRetries: 0 });

describe('gateway with the openai SDK', () => {
  it('answers a chat completion and rewrites the model for the upstream', async () => {
    up = await startFakeUpstream([{ body: completion('Hello there') }]);
    t = await startTestGateway({ chat: { deployments: [{ model: 'up0:test-model' }] } }, [up.url]);
    const r = await client(t.url).chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Hi' }] });
    expect(r.choices[0]?.message.content).toBe('Hello there');
    expect((up.requests[0]?.json as { model: string }).model).toBe('test-model');
    expect(up.requests[0]?.headers.authorization).toBe('Bearer sk-upstream-secret');
    expect(t.access.ledger.rows).toHaveLength(1);
    expect(t.access.ledger.rows[0]).toMatchObject({ route: 'chat', status: 200, outcome: 'ok', promptTokens: 11, completionTokens: 7, deployment: 'up0:test-model' });
  });

  it('streams chunks', async () => {
    up = await startFakeUpstream([{ chunks: sseStream(['Hel', 'lo', '!']) }]);
    t = await startTestGateway({ chat: { deployments: [{ model: 'up0:test-model' }] } }, [up.url]);
    const stream = await client(t.url).chat.completions.create({ model: 'chat', stream: true, messages: [{ role: 'user', content: 'Hi' }] });
    let text = '';
    for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello!');
    await new Promise((r) => setTimeout(r, 20));
    expect(t.access.ledger.rows).toMatchObject([{ stream: true, status: 200, outcome: 'ok' }]);
  });

  it('passes tools and returns tool calls', async () => {
    const call = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } };
    up = await startFakeUpstream([{ body: completion(null, { tool_calls: [call] }) }]);
    t = await startTestGateway({ chat: { deployments: [{ model: 'up0:test-model' }] } }, [up.url]);
    const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    const r = await client(t.url).chat.completions.create({ model: 'chat', tools, messages: [{ role: 'user', content: 'Weather in Paris?' }] });
    expect(r.choices[0]?.message.tool_calls?.[0]).toMatchObject(call);
    expect((up.requests[0]?.json as { tools: unknown }).tools).toEqual(tools);
  });

  it('serves embeddings, in base64 as the SDK asks by default', async () => {
    up = await startFakeUpstream([{ body: JSON.stringify({ object: 'list', model: 'emb', data: [{ index: 0, embedding: [0.5, -1, 2] }], usage: { prompt_tokens: 3, total_tokens: 3 } }) }]);
    t = await startTestGateway({ emb: { deployments: [{ model: 'up0:emb' }] } }, [up.url]);
    const r = await client(t.url).embeddings.create({ model: 'emb', input: 'hello' });
    expect(r.data[0]?.embedding).toEqual([0.5, -1, 2]);
    expect(up.requests[0]?.url).toBe('/v1/embeddings');
    expect(t.access.ledger.rows[0]).toMatchObject({ route: 'emb', promptTokens: 3, status: 200 });
  });

  it('surfaces errors as the SDK error classes', async () => {
    up = await startFakeUpstream([]);
    t = await startTestGateway({ chat: { deployments: [{ model: 'up0:test-model' }] } }, [up.url]);
    const unknown = client(t.url).chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'x' }] });
    await expect(unknown).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(unknown).rejects.toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    await expect(client(t.url, 'wrong').chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(client(t.url).chat.completions.create({ model: 'chat', messages: [] })).rejects.toMatchObject({ status: 400, param: 'messages' });
    expect(up.requests).toHaveLength(0);
  });
});
