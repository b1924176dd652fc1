/**
 * OpenAI chat completions: the request map, the response mapping and the
 * stream chunk mapping. Presets tune the map with `drop` and `overrides`.
 */
import type { SseEvent } from '../shared/sse.js';
import { parseEventJson, type MapOutcome, type StreamMapper } from '../shared/sse-stream.js';
import { mapParams, type MapOptions, type ParamMap } from '../shared/map-params.js';
import { kindForStatus } from '../shared/result.js';
import { makeUsage } from '../shared/tokens.js';
import type { AssistantMessage, ChatChunk, ChatRequest, ChatResponse, Failure, FinishReason, ResponseFormat, ToolCall, ToolCallDelta, Usage } from '../types.js';
import type { WireCompletion, WireMessage, WireToolCall, WireUsage } from './types.js';

/** How ChatRequest fields land in the body. */
export const OPENAI_PARAMS: ParamMap = {
  model: { param: 'model' },
  messages: { param: 'messages' },
  tools: { param: 'tools' },
  tool_choice: { param: 'tool_choice' },
  response_format: { param: 'response_format' },
  temperature: { param: 'temperature', min: 0, max: 2 },
  top_p: { param: 'top_p', min: 0, max: 1 },
  max_tokens: { param: 'max_tokens', min: 1 },
  stop: { param: 'stop' },
  seed: { param: 'seed' },
  user: { param: 'user' },
};

/** For upstreams with `json_object` but no `json_schema`: ask for JSON and let the caller validate. */
export function jsonObjectOnly(f: ResponseFormat): ResponseFormat {
  return f.type === 'json_schema' ? { type: 'json_object' } : f;
}

/** The JSON body of a chat request. */
export function toBody(req: ChatRequest, model: string, stream: boolean, o: MapOptions): string {
  const body = mapParams(OPENAI_PARAMS, { ...req, model }, o);
  if (stream) {
    body.stream = true;
    if (!o.drop?.includes('stream_options')) body.stream_options = { include_usage: true };
  }
  return JSON.stringify(req.extra ? { ...body, ...req.extra } : body);
}

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  eos: 'stop',
  end_turn: 'stop',
  length: 'length',
  max_tokens: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
  sensitive: 'content_filter',
};

/** Normalize a finish reason (Zhipu says `sensitive`, llama.cpp once said `eos`). */
export function finishOf(r: string | null | undefined): FinishReason | null {
  if (!r) return null;
  return FINISH[r] ?? 'stop';
}

/** Usage from the wire, or undefined when the upstream sent none. */
export function usageOf(u: WireUsage | null | undefined): Usage | undefined {
  if (!u || typeof u.prompt_tokens !== 'number') return undefined;
  const cached = u.prompt_tokens_details?.cached_tokens ?? u.prompt_cache_hit_tokens ?? u.cached_tokens;
  const reasoning = u.completion_tokens_details?.reasoning_tokens;
  return makeUsage(u.prompt_tokens, u.completion_tokens ?? 0, 'api', {
    ...(cached !== undefined ? { cached_tokens: cached } : {}),
    ...(reasoning !== undefined ? { reasoning_tokens: reasoning } : {}),
  });
}

function toolCalls(list: WireToolCall[] | null | undefined): ToolCall[] | undefined {
  if (!list?.length) return undefined;
  return list.map((c, i) => ({ id: c.id ?? `call_${i}`, type: 'function', function: { name: c.function?.name ?? '', arguments: c.function?.arguments ?? '' } }));
}

function messageOf(m: WireMessage): AssistantMessage {
  const out: AssistantMessage = { role: 'assistant', content: m.content ?? null };
  const calls = toolCalls(m.tool_calls);
  if (calls) out.tool_calls = calls;
  const reasoning = m.reasoning_content ?? m.reasoning;
  if (reasoning) out.reasoning_content = reasoning;
  return out;
}

/** A failure for an `error` object inside a 200 body or stream. */
export function embeddedError(provider: string, e: NonNullable<WireCompletion['error']>): Failure {
  const message = typeof e === 'string' ? e : (e.message ?? 'upstream reported an error');
  const code = typeof e === 'string' ? undefined : Number(e.code);
  const kind = code && code >= 400 ? kindForStatus(code) : /rate/i.test(typeof e === 'string' ? e : (e.type ?? '')) ? 'rate_limited' : 'upstream_5xx';
  return { kind, provider, message: `upstream error: ${message}` };
}

/** Response metadata the adapter knows and the wire does not. */
export interface ResponseMeta {
  provider: string;
  model: string;
  latencyMs: number;
}

/**
 * Map a complete response. Usage may be missing (the caller fills it);
 * an explicit refusal (`refusal` text or a content filter) is a `refused` failure carrying the response.
 */
export function toResponse(w: WireCompletion, meta: ResponseMeta): { ok: true; value: ChatResponse; needsUsage: boolean } | { ok: false; failure: Failure } {
  if (w.error) return { ok: false, failure: embeddedError(meta.provider, w.error) };
  const first = w.choices?.[0];
  if (!first?.message) return { ok: false, failure: { kind: 'bad_response', provider: meta.provider, message: 'response has no choices[0].message' } };
  const usage = usageOf(w.usage);
  const r: ChatResponse = {
    id: w.id ?? '',
    object: 'chat.completion',
    created: w.created ?? Math.floor(Date.now() / 1000),
    model: meta.model,
    provider: meta.provider,
    choices: (w.choices ?? []).map((c, i) => ({ index: c.index ?? i, message: messageOf(c.message ?? {}), finish_reason: finishOf(c.finish_reason) })),
    usage: usage ?? makeUsage(0, 0, 'estimate'),
    latency_ms: meta.latencyMs,
  };
  if (w.model) r.upstream_model = w.model;
  const refusal = first.message.refusal;
  if (refusal || first.finish_reason === 'content_filter' || first.finish_reason === 'sensitive') {
    if (refusal && r.choices[0]) r.choices[0].message.content = refusal;
    return { ok: false, failure: { kind: 'refused', provider: meta.provider, message: `upstream refused: ${refusal ?? 'content filter'}`.slice(0, 300), response: r } };
  }
  return { ok: true, value: r, needsUsage: usage === undefined };
}

function deltaCalls(list: WireToolCall[] | null | undefined): ToolCallDelta[] | undefined {
  if (!list?.length) return undefined;
  return list.map((c, i) => {
    const d: ToolCallDelta = { index: c.index ?? i };
    if (c.id) d.id = c.id;
    if (c.type === 'function') d.type = 'function';
    if (c.function) d.function = { ...(c.function.name ? { name: c.function.name } : {}), ...(c.function.arguments ? { arguments: c.function.arguments } : {}) };
    return d;
  });
}

/** Maps `data:` events of an OpenAI-style stream; `[DONE]` ends it. */
export class OpenAIStreamMapper implements StreamMapper {
  private finished = false;

  constructor(
    private readonly provider: string,
    private readonly model: string,
  ) {}

  complete(): boolean {
    return this.finished;
  }

  map(e: SseEvent): MapOutcome {
    if (e.data === '[DONE]') return 'done';
    const parsed = parseEventJson(this.provider, e);
    if (!parsed.ok) return parsed.failure;
    const w = parsed.value as WireCompletion;
    if (w.error) return embeddedError(this.provider, w.error);
    const chunk: ChatChunk = { id: w.id ?? '', object: 'chat.completion.chunk', created: w.created ?? 0, model: w.model ?? this.model, choices: [] };
    for (const [i, c] of (w.choices ?? []).entries()) {
      const d = c.delta ?? {};
      const delta: ChatChunk['choices'][number]['delta'] = {};
      if (d.role === 'assistant') delta.role = 'assistant';
      if (d.content) delta.content = d.content;
      const reasoning = d.reasoning_content ?? d.reasoning;
      if (reasoning) delta.reasoning_content = reasoning;
      const calls = deltaCalls(d.tool_calls);
      if (calls) delta.tool_calls = calls;
      const finish = finishOf(c.finish_reason);
      if (finish) this.finished = true;
      chunk.choices.push({ index: c.index ?? i, delta, finish_reason: finish });
    }
    const usage = usageOf(w.usage);
    if (usage) chunk.usage = usage;
    return [chunk];
  }
}
