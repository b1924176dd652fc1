/**
 * From a rendered prompt and the suite's request settings (overridden per
 * model by a provider entry's `config`) to a ChatRequest and call options.
 */
import type { CallOptions, ChatMessage, ChatRequest, ResponseFormat } from '../../providers/index.js';
import type { RequestSettings } from '../suite/schema.js';
import type { PromptMessage } from '../suite/prompts.js';

/** How a model is called for one case. */
export interface CallPlan {
  request: ChatRequest;
  stream: boolean;
  options: Pick<CallOptions, 'timeoutMs' | 'retries'>;
}

function responseFormat(v: unknown): ResponseFormat | undefined {
  if (v === 'json') return { type: 'json_object' };
  if (v === undefined || v === 'text') return undefined;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // Already OpenAI-shaped (promptfoo provider configs carry it that way).
    if (o.type === 'json_object') return { type: 'json_object' };
    if (o.type === 'json_schema' && o.json_schema && typeof o.json_schema === 'object') return o as unknown as ResponseFormat;
    if (o.schema && typeof o.schema === 'object') return { type: 'json_schema', json_schema: { name: typeof o.name === 'string' ? o.name : 'response', schema: o.schema as Record<string, unknown> } };
  }
  return undefined;
}

/** Merge suite settings with a model's own (the model's win). */
export function mergeSettings(suite: RequestSettings, model: Readonly<Record<string, unknown>>): RequestSettings & Record<string, unknown> {
  return { ...suite, ...model };
}

/** Build the request for one rendered prompt. */
export function planCall(messages: readonly PromptMessage[], s: RequestSettings & Record<string, unknown>): CallPlan {
  const msgs: ChatMessage[] = [];
  if (s.system && messages[0]?.role !== 'system') msgs.push({ role: 'system', content: s.system });
  for (const m of messages) msgs.push(m.role === 'assistant' ? { role: 'assistant', content: m.content } : { role: m.role, content: m.content });
  const request: ChatRequest = { messages: msgs };
  if (s.temperature !== undefined) request.temperature = s.temperature;
  if (s.top_p !== undefined) request.top_p = s.top_p;
  if (s.max_tokens !== undefined) request.max_tokens = s.max_tokens;
  if (s.seed !== undefined) request.seed = s.seed;
  if (s.stop !== undefined) request.stop = s.stop;
  const rf = responseFormat(s.response_format);
  if (rf) request.response_format = rf;
  const options: CallPlan['options'] = {};
  if (s.timeout_ms !== undefined) options.timeoutMs = s.timeout_ms;
  if (s.retries !== undefined) options.retries = s.retries;
  return { request, stream: s.stream === true, options };
}
