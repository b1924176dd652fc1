/**
 * ChatRequest → Messages API body, and Messages API response → ChatResponse.
 * Where Anthropic differs: system text is top-level, tool results are user
 * blocks, `max_tokens` is required, and JSON mode is done with a forced tool
 * whose input is the JSON answer.
 */
import { mapParams, stopList, type ParamMap } from '../shared/map-params.js';
import { makeUsage } from '../shared/tokens.js';
import type { AssistantMessage, ChatMessage, ChatRequest, ChatResponse, ContentPart, Failure, FinishReason, Usage } from '../types.js';
import type { AnthropicBlock, AnthropicMessage, AnthropicResponse, AnthropicTool, AnthropicToolChoice, AnthropicUsage } from './types.js';

/** Name of the tool used to force JSON output. */
export const JSON_TOOL = 'json_response';

/** Output tokens when the request does not say (the API requires a value). */
export const DEFAULT_MAX_TOKENS = 4096;

/** How plain ChatRequest fields land in the body. */
export const ANTHROPIC_PARAMS: ParamMap = {
  model: { param: 'model' },
  max_tokens: { param: 'max_tokens', min: 1, default: DEFAULT_MAX_TOKENS },
  temperature: { param: 'temperature', min: 0, max: 1 },
  top_p: { param: 'top_p', min: 0, max: 1 },
  stop: { param: 'stop_sequences', transform: stopList },
  user: { param: 'metadata', transform: (user: string) => ({ user_id: user }) },
};

function partsToBlocks(content: string | ContentPart[]): AnthropicBlock[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((p): AnthropicBlock => {
    if (p.type === 'text') return { type: 'text', text: p.text };
    const m = /^data:([^;,]+);base64,(.*)$/s.exec(p.image_url.url);
    return m ? { type: 'image', source: { type: 'base64', media_type: m[1] as string, data: m[2] as string } } : { type: 'image', source: { type: 'url', url: p.image_url.url } };
  });
}

function parseArgs(json: string): unknown {
  try {
    return JSON.parse(json || '{}') as unknown;
  } catch {
    return { _raw: json };
  }
}

/** Messages and system text; consecutive same-role turns are merged, tool results become user blocks. */
export function toMessages(messages: readonly ChatMessage[]): { system: string | undefined; messages: AnthropicMessage[] } {
  const system: string[] = [];
  const out: AnthropicMessage[] = [];
  const push = (role: AnthropicMessage['role'], blocks: AnthropicBlock[]) => {
    const last = out[out.length - 1];
    if (last && last.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const m of messages) {
    if (m.role === 'system') system.push(m.content);
    else if (m.role === 'user') push('user', partsToBlocks(m.content));
    else if (m.role === 'tool') push('user', [{ type: 'tool_result', tool_use_id: m.tool_call_id, content: m.content }]);
    else {
      const blocks: AnthropicBlock[] = m.content ? [{ type: 'text', text: m.content }] : [];
      for (const c of m.tool_calls ?? []) blocks.push({ type: 'tool_use', id: c.id, name: c.function.name, input: parseArgs(c.function.arguments) });
      if (blocks.length) push('assistant', blocks);
    }
  }
  return { system: system.length ? system.join('\n\n') : undefined, messages: out };
}

function toolChoiceOf(c: ChatRequest['tool_choice']): AnthropicToolChoice | undefined {
  if (c === undefined) return undefined;
  if (c === 'auto' || c === 'none') return { type: c };
  if (c === 'required') return { type: 'any' };
  return { type: 'tool', name: c.function.name };
}

/** The request body; `jsonTool` is true when JSON mode is carried by the forced tool. */
export function toBody(req: ChatRequest, model: string, stream: boolean): { body: string; jsonTool: boolean } {
  const body = mapParams(ANTHROPIC_PARAMS, { ...req, model });
  const { system, messages } = toMessages(req.messages);
  if (system) body.system = system;
  body.messages = messages;
  const tools: AnthropicTool[] = (req.tools ?? []).map((t) => ({
    name: t.function.name,
    ...(t.function.description ? { description: t.function.description } : {}),
    input_schema: t.function.parameters ?? { type: 'object', properties: {} },
  }));
  let choice = toolChoiceOf(req.tool_choice);
  const rf = req.response_format;
  const jsonTool = rf?.type === 'json_object' || rf?.type === 'json_schema';
  if (jsonTool) {
    const schema = rf.type === 'json_schema' ? rf.json_schema.schema : { type: 'object' };
    tools.push({ name: JSON_TOOL, description: 'Give the answer as JSON through this tool.', input_schema: schema });
    choice = { type: 'tool', name: JSON_TOOL };
  }
  if (tools.length) body.tools = tools;
  if (choice) body.tool_choice = choice;
  if (stream) body.stream = true;
  return { body: JSON.stringify(req.extra ? { ...body, ...req.extra } : body), jsonTool };
}

const FINISH: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

/** OpenAI finish reason for an Anthropic stop reason (a forced JSON tool call is a normal stop). */
export function finishOf(stop: string | null | undefined, jsonTool: boolean): FinishReason | null {
  if (!stop) return null;
  if (stop === 'tool_use' && jsonTool) return 'stop';
  return FINISH[stop] ?? 'stop';
}

/** Usage: cache reads and writes are part of the prompt; reads are also `cached_tokens`. */
export function usageOf(u: AnthropicUsage | undefined): Usage | undefined {
  if (!u || typeof u.input_tokens !== 'number') return undefined;
  const read = u.cache_read_input_tokens ?? 0;
  const prompt = u.input_tokens + read + (u.cache_creation_input_tokens ?? 0);
  return makeUsage(prompt, u.output_tokens ?? 0, 'api', read ? { cached_tokens: read } : {});
}

/** Kind of an Anthropic `error.type`. */
export function errorFailure(provider: string, e: { type?: string; message?: string }): Failure {
  const t = e.type ?? '';
  const kind = t === 'rate_limit_error' ? 'rate_limited' : t === 'overloaded_error' || t === 'api_error' ? 'upstream_5xx' : t === 'timeout_error' ? 'timeout' : 'upstream_4xx';
  return { kind, provider, message: `upstream error (${t || 'unknown'}): ${e.message ?? ''}`.trim() };
}

/** Map a complete response; a `refusal` stop is a `refused` failure carrying the response. */
export function toResponse(w: AnthropicResponse, meta: { provider: string; model: string; latencyMs: number; jsonTool: boolean }): { ok: true; value: ChatResponse } | { ok: false; failure: Failure } {
  if (w.error) return { ok: false, failure: errorFailure(meta.provider, w.error) };
  if (!Array.isArray(w.content)) return { ok: false, failure: { kind: 'bad_response', provider: meta.provider, message: 'response has no content array' } };
  const text: string[] = [];
  const thinking: string[] = [];
  const message: AssistantMessage = { role: 'assistant', content: null };
  for (const b of w.content) {
    if (b.type === 'text') text.push(b.text);
    else if (b.type === 'thinking') thinking.push(b.thinking);
    else if (b.type === 'tool_use' && meta.jsonTool && b.name === JSON_TOOL) text.push(JSON.stringify(b.input));
    else if (b.type === 'tool_use') (message.tool_calls ??= []).push({ id: b.id, type: 'function', function: { name: b.name, arguments: JSON.stringify(b.input ?? {}) } });
  }
  message.content = text.length || !message.tool_calls ? text.join('') : null;
  if (thinking.length) message.reasoning_content = thinking.join('');
  const r: ChatResponse = {
    id: w.id ?? '',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: meta.model,
    provider: meta.provider,
    choices: [{ index: 0, message, finish_reason: finishOf(w.stop_reason, meta.jsonTool) }],
    usage: usageOf(w.usage) ?? makeUsage(0, 0, 'estimate'),
    latency_ms: meta.latencyMs,
  };
  if (w.model) r.upstream_model = w.model;
  if (w.stop_reason === 'refusal') return { ok: false, failure: { kind: 'refused', provider: meta.provider, message: 'upstream refused (stop_reason: refusal)', response: r } };
  return { ok: true, value: r };
}
