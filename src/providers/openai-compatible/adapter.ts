/**
 * The OpenAI-compatible adapter: parsed `chat`/`stream` for the eval harness
 * and red-team runner, and `rawChat` for the gateway, which forwards request
 * bytes and relays response bytes (JSON or SSE) without re-encoding.
 */
import type { Readable } from 'node:stream';
import type { ProviderSettings } from '../definition.js';
import type { MapOptions } from '../shared/map-params.js';
import { countUsage } from '../shared/count.js';
import { HttpClient, readJson } from '../shared/http.js';
import { fail } from '../shared/result.js';
import { sseChunks } from '../shared/sse-stream.js';
import { makeUsage } from '../shared/tokens.js';
import type {
  CallOptions,
  Capabilities,
  ChatChunk,
  ChatRequest,
  ChatResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
  ProviderAdapter,
  RawCallOptions,
  RawUpstreamResponse,
  Result,
} from '../types.js';
import { apiHeaders, ENDPOINTS } from './api.js';
import { OpenAIStreamMapper, toBody, toResponse, usageOf } from './chat.js';
import type { WireCompletion, WireEmbeddings } from './types.js';

/** An OpenAI-compatible adapter: `rawChat` is always there. */
export type OpenAICompatibleAdapter = ProviderAdapter & Required<Pick<ProviderAdapter, 'rawChat'>>;

/** True for adapters that offer `rawChat`. */
export function hasRawChat(a: ProviderAdapter): a is OpenAICompatibleAdapter {
  return typeof a.rawChat === 'function';
}

/** A preset's wire quirks. */
export interface WireQuirks extends MapOptions {
  embeddings: boolean;
}

/** Build an adapter for resolved settings (base URL and key already resolved). */
export function createOpenAICompatibleAdapter(s: ProviderSettings, quirks: WireQuirks, capabilities: Capabilities): OpenAICompatibleAdapter {
  const http = new HttpClient(s.id, s.baseURL ?? '', apiHeaders(s), s.concurrency);
  const modelOf = (m: string | undefined): string => m ?? s.model ?? '';
  const noModel = <T>(): Result<T> => fail('upstream_4xx', s.id, 'no model given: set `model` in the request or in the provider config');

  async function chat(req: ChatRequest, opts: CallOptions = {}): Promise<Result<ChatResponse>> {
    const model = modelOf(req.model);
    if (!model) return noModel();
    const started = performance.now();
    const o = { signal: opts.signal, timeoutMs: opts.timeoutMs ?? s.timeoutMs, stream: false };
    const signals = http.signalsFor(o);
    const res = await http.post(ENDPOINTS.chat, toBody(req, model, false, quirks), o, signals);
    if (!res.ok) return res;
    const json = await readJson(s.id, res.value, signals);
    if (!json.ok) return json;
    const mapped = toResponse(json.value as WireCompletion, { provider: s.id, model, latencyMs: Math.round(performance.now() - started) });
    if (!mapped.ok) return mapped;
    const r = mapped.value;
    if (mapped.needsUsage && r.choices[0]) r.usage = await countUsage(s.id, req, r.choices[0].message, s.tokenizerPath);
    return { ok: true, value: r };
  }

  async function* stream(req: ChatRequest, opts: CallOptions = {}): AsyncGenerator<Result<ChatChunk>> {
    const model = modelOf(req.model);
    if (!model) return yield noModel();
    const o = { signal: opts.signal, timeoutMs: opts.timeoutMs ?? s.timeoutMs, stream: true };
    const signals = http.signalsFor(o);
    const res = await http.post(ENDPOINTS.chat, toBody(req, model, true, quirks), o, signals);
    if (!res.ok) return yield res;
    yield* sseChunks(res.value, new OpenAIStreamMapper(s.id, model), {
      provider: s.id,
      signals,
      fallbackUsage: (a) => countUsage(s.id, req, a.partial(), s.tokenizerPath),
    });
  }

  async function embeddings(req: EmbeddingsRequest, opts: CallOptions = {}): Promise<Result<EmbeddingsResponse>> {
    const model = modelOf(req.model);
    if (!model) return noModel();
    const o = { signal: opts.signal, timeoutMs: opts.timeoutMs ?? s.timeoutMs, stream: false };
    const signals = http.signalsFor(o);
    const res = await http.post(ENDPOINTS.embeddings, JSON.stringify({ model, input: req.input }), o, signals);
    if (!res.ok) return res;
    const json = await readJson(s.id, res.value, signals);
    if (!json.ok) return json;
    const w = json.value as WireEmbeddings;
    if (!Array.isArray(w.data)) return fail('bad_response', s.id, 'embeddings response has no data array');
    const data = w.data.map((d, i) => ({ index: d.index ?? i, embedding: d.embedding ?? [] }));
    return { ok: true, value: { model: w.model ?? model, data, usage: usageOf(w.usage) ?? makeUsage(0, 0, 'estimate') } };
  }

  async function rawChat(body: string | Uint8Array, opts: RawCallOptions): Promise<Result<RawUpstreamResponse>> {
    const o = { signal: opts.signal, timeoutMs: opts.timeoutMs ?? s.timeoutMs, stream: opts.stream, headers: opts.headers };
    const res = await http.post(ENDPOINTS.chat, body, o);
    if (!res.ok) return res;
    return { ok: true, value: { status: res.value.status, headers: res.value.headers, body: res.value.body as Readable & AsyncIterable<Buffer> } };
  }

  const adapter: OpenAICompatibleAdapter = { id: s.id, type: s.type, capabilities, chat, stream, rawChat, close: () => http.close() };
  if (quirks.embeddings) adapter.embeddings = embeddings;
  return adapter;
}
