/**
 * ChatRequest → node-llama-cpp chat history and generation options, and the
 * engine's output → ChatResponse / chunks. The chat template comes from the
 * GGUF: LlamaChat resolves a chat wrapper from `tokenizer.chat_template`
 * (or the architecture when the file has none).
 */
import type { ChatHistoryItem, ChatModelFunctionCall, ChatModelFunctions } from 'node-llama-cpp';
import { mapParams, stopList, type ParamMap } from '../shared/map-params.js';
import { makeUsage, textOf } from '../shared/tokens.js';
import type { AssistantMessage, ChatChunk, ChatMessage, ChatRequest, ChatResponse, FinishReason } from '../types.js';
import type { LocalOutput } from './types.js';

/** Output tokens when the request does not say: small models may never emit end-of-generation. */
export const DEFAULT_MAX_TOKENS = 1024;

/** How ChatRequest fields map to node-llama-cpp's generateResponse options. Unset temperature means greedy. */
export const LOCAL_PARAMS: ParamMap = {
  temperature: { param: 'temperature', min: 0, max: 2 },
  top_p: { param: 'topP', min: 0, max: 1 },
  max_tokens: { param: 'maxTokens', min: 1, default: DEFAULT_MAX_TOKENS },
  seed: { param: 'seed' },
  stop: { param: 'customStopTriggers', transform: stopList },
};

/** Sampling options for generateResponse. */
export function generationOptions(req: ChatRequest): Record<string, unknown> {
  return mapParams(LOCAL_PARAMS, req);
}

function parseArgs(json: string): unknown {
  try {
    return JSON.parse(json || '{}') as unknown;
  } catch {
    return json;
  }
}

/**
 * Chat history for LlamaChat. Tool results are attached to the call they
 * answer; a tool message without its call becomes user text. The history
 * ends with a model turn to generate into (a trailing assistant message is
 * continued, which gives prefill for free).
 */
export function toHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const results = new Map<string, string>();
  for (const m of messages) if (m.role === 'tool') results.set(m.tool_call_id, m.content);
  const answered = new Set<string>();
  const items: ChatHistoryItem[] = [];
  for (const m of messages) {
    if (m.role === 'system') items.push({ type: 'system', text: m.content });
    else if (m.role === 'user') items.push({ type: 'user', text: textOf(m.content) });
    else if (m.role === 'assistant') {
      const response: (string | ChatModelFunctionCall)[] = m.content ? [m.content] : [];
      for (const c of m.tool_calls ?? []) {
        answered.add(c.id);
        response.push({ type: 'functionCall', name: c.function.name, params: parseArgs(c.function.arguments), result: results.get(c.id) ?? '' });
      }
      items.push({ type: 'model', response });
    } else if (!answered.has(m.tool_call_id)) {
      items.push({ type: 'user', text: `Tool result (${m.tool_call_id}): ${m.content}` });
    }
  }
  if (items[items.length - 1]?.type !== 'model') items.push({ type: 'model', response: [] });
  return items;
}

/** node-llama-cpp functions for the request's tools, or undefined when tools are off. */
export function toFunctions(req: ChatRequest): ChatModelFunctions | undefined {
  if (!req.tools?.length || req.tool_choice === 'none') return undefined;
  const fns: Record<string, ChatModelFunctions[string]> = {};
  for (const t of req.tools) {
    fns[t.function.name] = {
      ...(t.function.description ? { description: t.function.description } : {}),
      // node-llama-cpp turns the schema into a grammar; it accepts a subset of JSON Schema.
      ...(t.function.parameters ? { params: t.function.parameters as ChatModelFunctions[string]['params'] } : {}),
    };
  }
  return fns;
}

const FINISH: Record<string, FinishReason> = {
  eogToken: 'stop',
  stopGenerationTrigger: 'stop',
  customStopTrigger: 'stop',
  maxTokens: 'length',
  functionCalls: 'tool_calls',
};

/** Finish reason for node-llama-cpp's stop reason. */
export function finishOf(stopReason: string): FinishReason {
  return FINISH[stopReason] ?? 'stop';
}

/** The ChatResponse for one generation. */
export function toResponse(out: LocalOutput, meta: { id: string; model: string; provider: string; latencyMs: number }): ChatResponse {
  const message: AssistantMessage = { role: 'assistant', content: out.text };
  if (out.reasoning) message.reasoning_content = out.reasoning;
  if (out.toolCalls.length) {
    message.tool_calls = out.toolCalls.map((c, i) => ({ id: `call_${i}`, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.params ?? {}) } }));
    if (!out.text) message.content = null;
  }
  return {
    id: meta.id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: meta.model,
    upstream_model: meta.model,
    provider: meta.provider,
    choices: [{ index: 0, message, finish_reason: finishOf(out.stopReason) }],
    usage: makeUsage(out.promptTokens, out.completionTokens, 'tokenizer'),
    latency_ms: meta.latencyMs,
  };
}

/** A chunk with one delta. */
export function chunkOf(id: string, model: string, delta: ChatChunk['choices'][number]['delta'], finish: FinishReason | null = null): ChatChunk {
  return { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] };
}
