import { afterEach, describe, expect, it } from 'vitest';
import { collectStream } from '../collect.js';
import { createProvider } from '../index.js';
import { drain, recordingSleep } from '../testing/drain.js';
import { fixture, sseChunks, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.js';
import type { ChatRequest, ProviderAdapter } from '../types.js';
import { toBody } from './chat.js';

const fx = (name: string) => fixture(import.meta.url, name);
const KEY = 'sk-ant-test-SECRET';

function anthropic(url: string, extra: Record<string, unknown> = {}, hooks = recordingSleep()): ProviderAdapter {
  return createProvider({ type: 'anthropic', base_url: url, model: 'claude-sonnet-4-5', ...extra }, { id: 'claude', env: { ANTHROPIC_API_KEY: KEY }, retryHooks: hooks });
}

const conversation: ChatRequest = {
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Weather in Paris and the time?' },
    { role: 'assistant', content: 'Checking.', tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }, { id: 'toolu_2', type: 'function', function: { name: 'get_time', arguments: '{}' } }] },
    { role: 'tool', tool_call_id: 'toolu_1', content: '18C, cloudy' },
    { role: 'tool', tool_call_id: 'toolu_2', content: '14:00' },
    { role: 'system', content: 'Answer in one line.' },
  ],
  tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather by city', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
  tool_choice: 'required',
  temperature: 1.5,
  stop: 'END',
  user: 'u-9',
};

let fake: FakeUpstream;
afterEach(async () => fake?.close());

describe('anthropic request mapping', () => {
  it('moves system text to the top, merges tool results into one user turn, maps tools and choices', () => {
    const { body, jsonTool } = toBody(conversation, 'claude-sonnet-4-5', false);
    expect(jsonTool).toBe(false);
    expect(JSON.parse(body)).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      temperature: 1,
      stop_sequences: ['END'],
      metadata: { user_id: 'u-9' },
      system: 'You are terse.\n\nAnswer in one line.',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and the time?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'toolu_2', name: 'get_time', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '18C, cloudy' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: '14:00' },
          ],
        },
      ],
      tools: [{ name: 'get_weather', description: 'Weather by city', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      tool_choice: { type: 'any' },
    });
  });

  it('does JSON mode with a forced tool carrying the schema', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } } };
    const { body, jsonTool } = toBody({ messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_schema', json_schema: { name: 'p', schema } } }, 'm', true);
    const b = JSON.parse(body) as { tools: { name: string; input_schema: unknown }[]; tool_choice: unknown; stream: boolean };
    expect(jsonTool).toBe(true);
    expect(b.tools.at(-1)).toMatchObject({ name: 'json_response', input_schema: schema });
    expect(b.tool_choice).toEqual({ type: 'tool', name: 'json_response' });
    expect(b.stream).toBe(true);
  });
});

describe('anthropic adapter', () => {
  it('maps a recorded message: text, usage with cache reads, headers, cost', async () => {
    fake = await startFakeUpstream([{ body: fx('message.json') }]);
    const r = await anthropic(fake.url).chat({ messages: [{ role: 'user', content: 'Capital of France?' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.choices[0]).toEqual({ index: 0, message: { role: 'assistant', content: 'Paris is the capital of France.' }, finish_reason: 'stop' });
    expect(r.value.usage).toEqual({ prompt_tokens: 1200, completion_tokens: 9, total_tokens: 1209, cached_tokens: 1000, source: 'api' });
    expect(r.value.upstream_model).toBe('claude-sonnet-4-5-20250929');
    expect(r.value.cost?.total_usd).toBeCloseTo((200 * 3 + 1000 * 0.3 + 9 * 15) / 1e6, 12);
    const h = fake.requests[0]?.headers;
    expect(fake.requests[0]?.url).toBe('/v1/messages');
    expect(h?.['x-api-key']).toBe(KEY);
    expect(h?.['anthropic-version']).toBe('2023-06-01');
    expect(h?.authorization).toBeUndefined();
  });

  it('maps tool_use blocks to tool calls and thinking to reasoning_content', async () => {
    fake = await startFakeUpstream([{ body: fx('message-tool-use.json') }]);
    const r = await anthropic(fake.url).chat(conversation);
    expect(r.ok && r.value.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: 'Let me check.',
        reasoning_content: 'The user wants the weather; call the tool.',
        tool_calls: [{ id: 'toolu_01A09q90qw90lq917835lq9', type: 'function', function: { name: 'get_weather', arguments: '{"city":"San Francisco","unit":"c"}' } }],
      },
      finish_reason: 'tool_calls',
    });
  });

  it('returns the forced JSON tool input as the message content', async () => {
    fake = await startFakeUpstream([{ body: fx('message-json-tool.json') }]);
    const r = await anthropic(fake.url).chat({ messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object' } });
    expect(r.ok && JSON.parse(r.value.choices[0]?.message.content ?? '')).toEqual({ name: 'Ada', age: 36 });
    expect(r.ok && r.value.choices[0]?.finish_reason).toBe('stop');
  });

  it('makes stop_reason refusal a refused failure', async () => {
    fake = await startFakeUpstream([{ body: fx('message-refusal.json') }]);
    const r = await anthropic(fake.url).chat({ messages: [{ role: 'user', content: 'x' }] });
    expect(!r.ok && r.failure.kind).toBe('refused');
    expect(!r.ok && r.failure.response?.choices[0]?.message.content).toBe("I can't help with that.");
  });

  it('retries 529 overloaded and succeeds', async () => {
    fake = await startFakeUpstream([{ status: 529, body: fx('error-overloaded.json') }, { body: fx('message.json') }]);
    const hooks = recordingSleep();
    const r = await anthropic(fake.url, {}, hooks).chat({ messages: [{ role: 'user', content: 'x' }] });
    expect(r.ok).toBe(true);
    expect(hooks.delays).toHaveLength(1);
  });

  it('streams thinking, text and usage from the event types', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream.sse')) }]);
    const r = await collectStream(anthropic(fake.url), { messages: [{ role: 'user', content: 'hi' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.choices[0]?.message).toEqual({ role: 'assistant', content: 'Hello，世界!', reasoning_content: 'Simple greeting.' });
    expect(r.value.choices[0]?.finish_reason).toBe('stop');
    expect(r.value.usage).toEqual({ prompt_tokens: 125, completion_tokens: 15, total_tokens: 140, cached_tokens: 100, source: 'api' });
    expect(fake.requests[0]?.json).toMatchObject({ stream: true });
  });

  it('streams tool_use input deltas as OpenAI tool-call deltas, indexed per tool', async () => {
    const body = Buffer.from(fx('stream-tools.sse'));
    const pieces = Array.from({ length: Math.ceil(body.length / 11) }, (_, i) => body.subarray(i * 11, i * 11 + 11));
    fake = await startFakeUpstream([{ chunks: pieces }]);
    const r = await collectStream(anthropic(fake.url), { messages: [{ role: 'user', content: 'hi' }] });
    expect(r.ok && r.value.choices[0]?.message.tool_calls?.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments)])).toEqual([
      ['toolu_a', 'get_weather', { city: 'Paris' }],
      ['toolu_b', 'get_time', { tz: 'UTC' }],
    ]);
    expect(r.ok && r.value.choices[0]?.message.content).toBe('Checking both.');
    expect(r.ok && r.value.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('streams the forced JSON tool as content', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream-json.sse')) }]);
    const r = await collectStream(anthropic(fake.url), { messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object' } });
    expect(r.ok && JSON.parse(r.value.choices[0]?.message.content ?? '')).toEqual({ ok: true });
    expect(r.ok && r.value.choices[0]?.finish_reason).toBe('stop');
  });

  it('turns an error event mid-stream into a failure with the partial text', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream-error.sse')) }]);
    const { failure } = await drain(anthropic(fake.url, { retries: 0 }).stream({ messages: [{ role: 'user', content: 'x' }] }));
    expect(failure).toMatchObject({ kind: 'upstream_5xx', partial: { content: 'Partial answ' } });
    expect(JSON.stringify(failure)).not.toContain(KEY);
  });

  it('reports a stream that stops before message_stop', async () => {
    fake = await startFakeUpstream([{ chunks: sseChunks(fx('stream.sse')).slice(0, 9), drop: true }]);
    const { failure } = await drain(anthropic(fake.url, { retries: 0 }).stream({ messages: [{ role: 'user', content: 'x' }] }));
    expect(failure?.partial?.content).toBe('Hello，世界!');
  });
});
