/**
 * Anthropic Messages API, the proprietary baseline for evals and the
 * gateway's fallback target. JSON mode is a forced tool; no embeddings,
 * no raw pass-through (the wire is not OpenAI's).
 */
import type { ProviderDefinition, ProviderSettings } from '../definition.js';
import { countUsage } from '../shared/count.js';
import { HttpClient, readJson } from '../shared/http.js';
import { fail } from '../shared/result.js';
import { sseChunks } from '../shared/sse-stream.js';
import type { CallOptions, Capabilities, ChatChunk, ChatRequest, ChatResponse, ProviderAdapter, Result } from '../types.js';
import { apiHeaders, ENDPOINTS } from './api.js';
import { toBody, toResponse } from './chat.js';
import { AnthropicStreamMapper } from './stream.js';
import type { AnthropicResponse } from './types.js';

const capabilities: Capabilities = { streaming: true, tools: true, jsonMode: 'forced-tool', embeddings: false, rawPassthrough: false };

function createAnthropicAdapter(s: ProviderSettings): ProviderAdapter {
  const http = new HttpClient(s.id, s.baseURL ?? '', apiHeaders(s), s.concurrency);
  const modelOf = (m: string | undefined): string => m ?? s.model ?? '';
  const noModel = <T>(): Result<T> => fail('upstream_4xx', s.id, 'no model given: set `model` in the request or in the provider config');

  async function chat(req: ChatRequest, opts: CallOptions = {}): Promise<Result<ChatResponse>> {
    const model = modelOf(req.model);
    if (!model) return noModel();
    const started = performance.now();
    const o = { signal: opts.signal, timeoutMs: opts.timeoutMs ?? s.timeoutMs, stream: false };
    const signals = http.signalsFor(o);
    const { body, jsonTool } = toBody(req, model, false);
    const res = await http.post(ENDPOINTS.messages, body, o, signals);
    if (!res.ok) return res;
    const json = await readJson(s.id, res.value, signals);
    if (!json.ok) return json;
    const mapped = toResponse(json.value as AnthropicResponse, { provider: s.id, model, latencyMs: Math.round(performance.now() - started), jsonTool });
    if (mapped.ok && mapped.value.usage.total_tokens === 0 && mapped.value.choices[0]) {
      mapped.value.usage = await countUsage(s.id, req, mapped.value.choices[0].message, s.tokenizerPath);
    }
    return mapped;
  }

  async function* stream(req: ChatRequest, opts: CallOptions = {}): AsyncGenerator<Result<ChatChunk>> {
    const model = modelOf(req.model);
    if (!model) return yield noModel();
    const o = { signal: opts.signal, timeoutMs: opts.timeoutMs ?? s.timeoutMs, stream: true };
    const signals = http.signalsFor(o);
    const { body, jsonTool } = toBody(req, model, true);
    const res = await http.post(ENDPOINTS.messages, body, o, signals);
    if (!res.ok) return yield res;
    yield* sseChunks(res.value, new AnthropicStreamMapper(s.id, model, jsonTool), {
      provider: s.id,
      signals,
      fallbackUsage: (a) => countUsage(s.id, req, a.partial(), s.tokenizerPath),
    });
  }

  return { id: s.id, type: s.type, capabilities, chat, stream, close: () => http.close() };
}

/** The Anthropic provider definition. */
export const anthropicProvider: ProviderDefinition = {
  type: 'anthropic',
  title: 'Anthropic (Messages API)',
  defaults: { baseURL: 'https://api.anthropic.com', apiKeyEnv: 'ANTHROPIC_API_KEY', keyRequired: true },
  capabilities,
  create: createAnthropicAdapter,
};
